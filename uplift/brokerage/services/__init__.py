"""The changes of school-to-school support, one module per sub-domain. Every service takes
keyword arguments, checks who acts and the rules, writes in one transaction with an audit
event, and refuses with uplift.core.errors."""
