package dev.fintools.revolut.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a started {@link RevolutEmulator} (default configuration: sandbox, free port, the
 * guide's two accounts, no clients) into test methods, lifecycle methods and constructors, and closes it after the
 * test (or the class, for one injected at class level). JUnit itself is the user's test dependency: this plugin
 * declares it {@code provided}.
 *
 * <pre>{@code
 * @ExtendWith(RevolutEmulatorExtension.class)
 * class MyClientTest {
 *     @Test
 *     void listsAccounts(RevolutEmulator emulator) { ... }
 * }
 * }</pre>
 */
public final class RevolutEmulatorExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RevolutEmulatorExtension.class);
    private static final String KEY = "emulator";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RevolutEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        KEY, key -> RevolutEmulator.start(EmulatorConfig.defaults()), RevolutEmulator.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context);
    }

    private static void close(ExtensionContext context) {
        RevolutEmulator emulator = context.getStore(NAMESPACE).remove(KEY, RevolutEmulator.class);
        if (emulator != null) {
            emulator.close();
        }
    }
}
