// The build failed on the expectations alone, naming each unmet one, after printing the table and writing the report.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /Current GBP account\s+GBP\s+100\.00\s+active/
assert log.contains('The Revolut accounts do not meet 4 expectation(s):')
assert log.contains('- Expected at least one active USD account, found none (no USD account; currencies present: GBP, EUR).')
assert log.contains('- Expected at least one active CHF account, found none (no CHF account; currencies present: GBP, EUR).')
assert log.contains('- Expected at least 3 accounts, found 2.')
assert log.contains('- Expected a GBP balance of at least 500.00, found 100.00 (sum of active GBP accounts).')
assert !log.contains('EUR balance') : 'the EUR balance expectation is met and must not be listed'
assert log.contains('Check the accounts in the Revolut Business app, or change the expectations')

def report = new File(basedir, 'target/revolut/accounts.json')
assert report.isFile()
assert report.text.contains('"unmet_expectations"')
assert report.text.contains('Expected at least one active USD account')
assert !(report.text =~ /oa_sand_/) : 'the report holds a token'
return true
