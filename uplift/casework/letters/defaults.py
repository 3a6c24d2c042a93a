"""The four letters every LA starts with (each LA then edits its own copies).

Written for Uplift in plain English from the statutory facts: a warning notice under
s.60 of the Education and Inspections Act 2006 states one or more of the three grounds in
s.60(2); the LA sets the compliance period; the school becomes eligible for intervention
when the period ends without compliance and the LA has given written notice that it
proposes to use its powers (s.63 to s.66); every notice is copied to the Department for
Education; additional governors may be appointed only within two months after the
compliance period ends.
"""

from uplift.casework.models import LetterKind

DEFAULT_TEMPLATES: dict[str, dict[str, str]] = {
    LetterKind.CONCERN: {
        "name": "Letter of concern",
        "subject": "Our concerns about $school_name (URN $urn)",
        "body": """\
$salutation,

We are writing to tell you that $la_name has concerns about $school_name.

Our concern is this: $concern_reason

We want to work with you to put this right. Your school improvement adviser will contact \
you to arrange a meeting with you and the governing body, so that we can agree together \
what needs to improve, how quickly, and the support the local authority will give.

At this stage this letter is not a formal warning notice. If the school does not improve \
enough, the local authority may go on to ask for an action plan and, if necessary, issue \
a formal warning notice under section 60 of the Education and Inspections Act 2006.

Please share this letter with the full governing body at its next meeting.

Yours sincerely,

$officer
$la_name""",
    },
    LetterKind.PRE_WARNING: {
        "name": "Pre-warning letter",
        "subject": "$school_name (URN $urn): action plan requested by $action_plan_due_on",
        "body": """\
$salutation,

We wrote to you earlier about our concerns about $school_name: $concern_reason

We have not yet seen enough improvement. We now ask the governing body to send us a \
written action plan by $action_plan_due_on. The plan should say what the school will do \
about each concern, who is responsible for each action, when it will be done, and how \
the governing body will check that it has worked.

If we do not receive a plan by that date, or we judge that the plan will not bring about \
improvement quickly enough, the local authority may issue a formal warning notice under \
section 60 of the Education and Inspections Act 2006.

We will keep offering the school support while you prepare the plan. Please contact us \
if anything in this letter is unclear.

Yours sincerely,

$officer
$la_name""",
    },
    LetterKind.WARNING_NOTICE: {
        "name": "Formal warning notice",
        "subject": "Formal warning notice to the governing body of $school_name (URN $urn)",
        "body": """\
$chair_salutation,

This is a formal warning notice given by $la_name to the governing body of \
$school_name (LAESTAB $laestab) under section 60 of the Education and Inspections Act \
2006. A copy goes to the headteacher, $headteacher, and to the Department for Education.

The notice is issued on $notice_issued_on on the following ground or grounds set out in \
section 60(2) of the Act:

$notice_grounds

The concerns behind this notice are: $concern_reason

The governing body must comply with this notice by $compliance_deadline. To comply, it \
must show us, with evidence, that the school's leadership and governance can bring \
about rapid and lasting improvement on each point above, or that it will make the \
changes needed to do so.

If we are not satisfied by that date that the governing body has complied, and after we \
have told you in writing that we intend to do so, the school will be eligible for \
intervention and the local authority may use one or more of its powers under the Act:

- require the governing body to enter into arrangements for advice or collaboration \
(section 63);
- appoint additional governors (section 64), which we may do until $powers_window_ends;
- ask the Secretary of State to agree to replace the governing body with an interim \
executive board (section 65);
- suspend the school's delegated budget (section 66).

Any action we take will be in proportion to the concerns that remain at that time.

Please contact us straight away if you wish to discuss this notice.

Yours sincerely,

$officer
$la_name""",
    },
    LetterKind.NOTICE_OF_INTENTION: {
        "name": "Notice of intention to use powers",
        "subject": "$school_name (URN $urn): notice that we propose to use our powers",
        "body": """\
$chair_salutation,

On $notice_issued_on we gave the governing body of $school_name a formal warning notice \
under section 60 of the Education and Inspections Act 2006, on these grounds:

$notice_grounds

The compliance period ended on $compliance_deadline. We are not satisfied that the \
governing body has complied with the notice.

We therefore give you notice in writing that $la_name proposes to use its intervention \
powers under Part 4 of the Act. Once this notice has been given, the school is eligible \
for intervention. The powers available to us are to require the governing body to enter \
into arrangements (section 63), to appoint additional governors (section 64, until \
$powers_window_ends), to replace the governing body with an interim executive board with \
the Secretary of State's consent (section 65), and to suspend the delegated budget \
(section 66). We will tell the Department for Education of any power we use.

We will write to you again about the action we decide to take. A copy of this letter \
goes to the headteacher, $headteacher.

Yours sincerely,

$officer
$la_name""",
    },
}
