package dev.fintools.revolut.keys;

import org.bouncycastle.asn1.x500.X500Name;

/** Parses the certificate subject the user gives as {@code revolut.subject}. */
final class Subjects {
    private static final String EXPECTED_FORM = "expected comma-separated fields such as"
            + " 'C=GB,O=Acme Ltd,CN=payments' (C country, ST state, L city, O organisation, OU unit, CN common name,"
            + " E email).";

    private Subjects() {}

    static X500Name parse(String subject) {
        X500Name name = toName(subject == null ? "" : subject.trim());
        if (name.getRDNs().length == 0) {
            // Revolut's guide has the certificate's distinguished name filled in; an empty one is refused.
            throw new KeyMaterialException("Refusing an empty certificate subject: at least one field is required, "
                    + EXPECTED_FORM + " Set revolut.subject, or leave it out for '" + KeyGenerator.DEFAULT_SUBJECT
                    + "'.");
        }
        return name;
    }

    private static X500Name toName(String subject) {
        try {
            return new X500Name(subject);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(
                    "Cannot read the certificate subject '" + subject + "' (" + e.getMessage() + "): " + EXPECTED_FORM,
                    e);
        }
    }
}
