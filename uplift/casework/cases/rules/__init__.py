"""The statutory and local rules a concern case moves by (EIA 2006 Part 4 and DfE's "Support
and intervention in schools"). Each rule is a small class registered under a code
(registry.py) whose docstring is the message a user reads when it refuses a step; rules read
only the facts the services load (base.CaseFacts), never the database."""
