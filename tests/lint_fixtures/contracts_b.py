"""Fixtures 6-10: a 2019 liaison agreement still in force, pinpoint incorporation of subd. 2(a),
duties only in a table, duties in an incorporated exhibit, SLO vocabulary.  All names are invented."""
from __future__ import annotations

from pathlib import Path

from .base import fixture
from .writer import APOS, EMDASH, ENDASH, LQ, NBSP, RQ, SECT, B, ContractWriter, Split

S = f"{SECT}{NBSP}"
A = APOS


def q(term: str) -> str:
    return f"{LQ}{term}{RQ}"


# =============================================================================== 6. pre-2024, still in force
def build_tamarack(path: Path) -> Path:
    cw = ContractWriter(title="Police-School Liaison Officer Agreement", author="Tamarack Bend Police")
    cw.fake_heading("AGREEMENT FOR POLICE-SCHOOL LIAISON OFFICER SERVICES", underline=True)
    cw.para("This Agreement is made this 12th day of June, 2019, between the City of Tamarack Bend, Minnesota "
            "(hereinafter \u201cCity\u201d), and Independent School District No. 2167 (hereinafter \u201cSchool "
            "District\u201d).", align="justify")
    cw.fake_heading("RECITALS")
    cw.para("WHEREAS, the City and the School District desire to foster a positive school climate through "
            "relationship building and open communication; and")
    cw.para("WHEREAS, the parties intend that the officer will help identify vulnerabilities in school facilities "
            "and safety protocols and provide advice on safety drills; and")
    cw.para(["WHEREAS, the parties wish to reduce ", Split("juve", "nile"), " crime and to promote ",
             "respect for the law among young people;"])
    cw.para("NOW, THEREFORE, the parties agree as follows:")
    cw.fake_heading("SECTION 1. PURPOSE")
    cw.para(["This Agreement places a Police-School Liaison Officer (\u201cLiaison Officer\u201d) "
             "in the ", Split("Tamarack Bend Sec", "ondary School"), " to promote a safe learning environment."])
    cw.fake_heading("SECTION 2. TERM")
    cw.para(["This Agreement shall commence on August 1, 2019, and shall ", Split("auto", "matically"),
             " renew for successive one-year periods unless either party gives written notice of non-renewal on "
             "or before April 1 of any year."])
    cw.fake_heading("SECTION 3. ASSIGNMENT")
    cw.para(["The Chief of Police shall assign the Liaison Officer after consulting with the ",
             Split("Superin", "tendent"), ". The Liaison Officer shall remain an employee of the City."])
    cw.fake_heading("SECTION 4. DUTIES")
    cw.para("Among other things, the Liaison Officer shall be responsible for:")
    cw.literal_list([
        ["maint", Split("ain", "ing order"), " in school buildings, hallways and parking lots;"],
        ["deterring and addressing ", Split("tru", "ancy"), ";"],
        "protecting persons present on school property;",
        "protecting real and personal property of the School District;",
        ["enforcing state laws and city ", Split("ordi", "nances"), ";"],
        "conducting classroom presentations on law-related topics for students and staff;",
        "investigating crimes occurring on school property; and",
        ["such other tasks as the building ", Split("prin", "cipal"), " may assign from time to time."],
    ], labels="a", pattern="{}.")
    cw.fake_heading("SECTION 5. COMPENSATION")
    cw.para("The School District shall pay the City one-half of the Liaison Officer’s salary and fringe costs "
            "attributable to days when school is in session, within 30 days of invoice.")
    cw.fake_heading("SECTION 6. INDEMNIFICATION")
    cw.para(["Each party answers for its own acts and omissions, within the limits of Minnesota Statutes, "
             "chapter ", Split("46", "6"), "."])
    cw.fake_heading("SECTION 7. TERMINATION")
    cw.para("Either party may terminate this Agreement upon ninety (90) days written notice.")
    cw.signature_block([("CITY OF TAMARACK BEND", ["Mayor", "City Administrator"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2167", ["Chairperson", "Clerk"])])
    return cw.save(path)


TAMARACK = fixture(
    "tamarack_bend_isd2167_2019_liaison_in_force",
    "2019 police-school liaison agreement that auto-renews and is still in force: statutory ideas only in "
    "WHEREAS recitals, \u201cmaintaining order\u201d, truancy and open-ended principal-assigned tasks among "
    "duties, no data section; fake underlined headings, runs split mid-word.",
    build_tamarack,
    {
        "PARTIES": ("present", '"the City of Tamarack Bend, Minnesota" and "Independent School District No. 2167".'),
        "DUTIES-DEFINED": ("present", 'Section 4 is an operative, open list: "Among other things, the Liaison Officer shall be responsible for:".'),
        "SUBD2-A1": ("missing", 'Only in a recital ("desire to foster a positive school climate through relationship building and open communication"); recitals are not duties.'),
        "SUBD2-A2": ("partial", '"protecting persons present on school property": persons without criminal activity (and staff/visitors unnamed).'),
        "SUBD2-A3": ("missing", '"Liaison" is only the officer\'s title; no duty to serve as liaison to school officials.'),
        "SUBD2-A4": ("missing", 'Safety-drill advice appears only in a recital ("provide advice on safety drills").'),
        "SUBD2-A5": ("missing", 'Vulnerabilities appear only in a recital ("identify vulnerabilities in school facilities and safety protocols").'),
        "SUBD2-A6": ("partial", '"conducting classroom presentations on law-related topics for students and staff": educating without advising.'),
        "SUBD2-A7": ("present", '"enforcing state laws and city ordinances".'),
        "FORCE-SCHOOL-RULES": ("violation", 'School-rule duties: "maintaining order in school buildings, hallways and parking lots" and "deterring and addressing truancy".'),
        "ADDITIONAL-DUTIES": ("violation", 'Open-ended, school-assigned: "such other tasks as the building principal may assign from time to time".'),
        "ATTIRE": ("missing", 'Nothing on attire.'),
        "VETTING": ("partial", 'Selection input only: "shall assign the Liaison Officer after consulting with the Superintendent"; nothing on retention or removal.'),
        "DEESCALATION-RESOURCES": ("missing", 'Nothing on de-escalation resources.'),
        "DATA-PRACTICES": ("missing", 'No data provision.'),
        "DATA-RECORDS": ("missing", 'No data provision.'),
        "DATA-PURPOSES": ("missing", 'No data provision.'),
        "DATA-MGDPA": ("missing", 'No data provision; chapter 466 is about liability.'),
    },
)


# =============================================================================== 7. pinpoint incorporation
def build_ostrander(path: Path) -> Path:
    cw = ContractWriter(title="School Resource Officer Program Agreement", author="Ostrander Heights")
    cw.title_block("SCHOOL RESOURCE OFFICER PROGRAM AGREEMENT")
    cw.para(f"This Program Agreement is entered into by the City of Ostrander Heights ({q('City')}), on behalf of "
            f"its Police Department ({q('Department')}), and Independent School District No. 2455, Ostrander "
            f"Heights Public Schools ({q('District')}).")
    cw.heading("1. Definitions", 1)
    cw.para(f"1.1 {q('SRO')} has the meaning given to {q('school resource officer')} in Minnesota Statutes, "
            f"section 626.8482, subdivision 1.")
    cw.heading("2. Term and Renewal", 1)
    cw.para("2.1 This Agreement begins on August 25, 2025, and ends on June 30, 2028. The parties will meet by "
            "March 1 of each year to review the program.")
    cw.heading("3. Duties", 1)
    cw.para("3.1 Statutory duties. The SRO shall perform the duties described in Minnesota Statutes, section "
            "626.8482, subdivision 2, paragraph (a), clauses (1) through (7), which are incorporated into this "
            "Agreement by reference as if fully set forth herein.")
    cw.para(f"3.2 Prohibited duties. As provided in subdivision 2, paragraph (c), of that section, the SRO will not "
            f"use force or the authority of the officer{A}s office solely to enforce school rules or policies and "
            f"will not participate in discipline for violations of school rules.")
    cw.para("3.3 Additional duties. The District does not contract for any additional duties.")
    cw.para(f"3.4 Training. Until trained as required by subdivision 3, the SRO is not required to perform clauses "
            f"(4) and (5) of the duties incorporated by Section{NBSP}3.1.")
    cw.heading("4. Assignment and Supervision", 1)
    cw.para("4.1 While on duty at a school, the SRO shall wear the Department uniform and carry Department-issued "
            "equipment.")
    cw.para("4.2 The Chief of Police assigns, supervises and evaluates the SRO. The District has no role in "
            "selecting, vetting or retaining the officer.")
    cw.heading("5. Payment", 1)
    cw.para("5.1 The District shall pay the City $94,000 per school year for one SRO, in ten monthly installments.")
    cw.heading("6. Data Practices", 1)
    cw.para(f"6.1 Each party will apply its data practices policies and procedures to information exchanged under "
            f"this Agreement; the District{A}s procedures for responding to law enforcement requests are set out "
            f"in District Policy 515, which the District will provide to the Department.")
    cw.para("6.2 The District may disclose the following education records to the Department without consent:")
    cw.numbered([
        "directory information, to identify a student or parent who may be a witness in a case;",
        "information needed in a health or safety emergency, to respond to that emergency; and",
        "records named in a subpoena or court order, to comply with it.",
    ], fmt="lowerLetter", text="(%1)")
    cw.para(f"6.3 Department records about students are subject to the Minnesota Government Data Practices Act."
            f" Nothing in Section{NBSP}6.2 limits a disclosure the law otherwise allows.")
    cw.heading("7. Termination", 1)
    cw.para("7.1 Either party may end this Agreement at the close of any semester by giving the other 60 days’ "
            "written notice.")
    cw.signature_block([("CITY OF OSTRANDER HEIGHTS", ["Mayor", "Chief of Police"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2455", ["Board Chair"])])
    return cw.save(path)


_PIN = 'incorporated by pinpoint reference: "clauses (1) through (7), which are incorporated into this Agreement by reference as if fully set forth herein".'
OSTRANDER = fixture(
    "ostrander_heights_isd2455_pinpoint_incorporation",
    "Program agreement that incorporates § 626.8482 subd. 2(a) clauses (1)-(7) by pinpoint reference \u201cas "
    "if fully set forth\u201d with no list of its own; express no-role vetting clause; real Heading styles.",
    build_ostrander,
    {
        "PARTIES": ("present", 'City (for its Police Department) and district: "the City of Ostrander Heights" and "Independent School District No. 2455".'),
        "DUTIES-DEFINED": ("present", 'Section 3.1: "The SRO shall perform the duties described in Minnesota Statutes, section 626.8482, subdivision 2, paragraph (a)".'),
        "SUBD2-A1": ("present", "Clause (1) " + _PIN),
        "SUBD2-A2": ("present", "Clause (2) " + _PIN),
        "SUBD2-A3": ("present", "Clause (3) " + _PIN),
        "SUBD2-A4": ("present", "Clause (4) " + _PIN),
        "SUBD2-A5": ("present", "Clause (5) " + _PIN),
        "SUBD2-A6": ("present", "Clause (6) " + _PIN),
        "SUBD2-A7": ("present", "Clause (7) " + _PIN),
        "FORCE-SCHOOL-RULES": ("present", '"will not use force or the authority of the officer’s office solely to enforce school rules or policies".'),
        "ADDITIONAL-DUTIES": ("present", 'Express none: "The District does not contract for any additional duties."'),
        "ATTIRE": ("partial", 'Uniform only in passing: "the SRO shall wear the Department uniform"; no mutual policy.'),
        "VETTING": ("present", 'Express no role: "The District has no role in selecting, vetting or retaining the officer."'),
        "DEESCALATION-RESOURCES": ("missing", 'Nothing on de-escalation resources.'),
        "DATA-PRACTICES": ("present", '"Each party will apply its data practices policies and procedures to information exchanged under this Agreement".'),
        "DATA-RECORDS": ("partial", 'One audience only: "The District may disclose the following education records to the Department without consent:"; nothing for the SRO specifically.'),
        "DATA-PURPOSES": ("present", 'Each category has its purpose, e.g. "to identify a student or parent who may be a witness in a case".'),
        "DATA-MGDPA": ("partial", 'Chapter 13 only: "subject to the Minnesota Government Data Practices Act"; no agency policy, no Minn. R. 1205.'),
    },
)


# =============================================================================== 8. duties only in a table
def build_brindle(path: Path) -> Path:
    cw = ContractWriter(title="SRO Services Agreement", author="Brindle Creek", base_font="Arial", base_size=10)
    cw.title_block("SCHOOL RESOURCE OFFICER SERVICES AGREEMENT", "City of Brindle Creek \u2022 ISD No. 2602")
    cw.table([
        ["Term", "Detail"],
        ["Parties", f"City of Brindle Creek ({q('City')}) and Independent School District No. 2602 ({q('District')})"],
        ["Agreement period", "August 18, 2025 – June 30, 2027"],
        ["Schools served", "Brindle Creek High School; Oxbow Middle School"],
        ["Annual payment", "$126,000 (two SROs), invoiced each quarter"],
    ], widths_in=[1.8, 4.7])
    cw.heading("Section 1. Purpose", 2)
    cw.para("The City assigns two licensed peace officers of the Brindle Creek Police Department (the "
            "\u201cDepartment\u201d) as school resource officers (each an \u201cSRO\u201d).")
    cw.heading("Section 2. Duties", 2)
    cw.para(f"2.1 The SRO{A}s contractual duties are the duties in Table{NBSP}1. Table{NBSP}2 lists the matters "
            f"that are outside the SRO{A}s role.")
    cw.para(B("Table 1 – Duties of the SRO"))
    cw.table([
        ["No.", "Duty", "How it is carried out"],
        ["1", [Split("Fost", "ering"), " a positive school climate through relationship building and open communication"],
         "Daily presence at arrival, lunch and dismissal; student advisory visits"],
        ["2", "Protecting students, staff and visitors to school grounds from criminal activity",
         "Patrol of grounds; response to reported crimes"],
        ["3", ["Serving as liaison from the Department to ", Split("princi", "pals"), " and other school officials"],
         "Weekly check-in with each principal"],
        ["4", "Providing advice on safety drills", "Attends and debriefs each lockdown and evacuation drill"],
        ["5", "Identifying vulnerabilities in school buildings", "Annual walk-through with facilities staff"],
        ["6", "Educating and advising students and staff on law enforcement topics",
         "Classroom sessions; staff briefings"],
        ["7", "Enforcing criminal laws", "Investigation and referral under Department policy"],
    ], widths_in=[0.5, 3.3, 2.7])
    cw.para(B("Table 2 – Outside the SRO’s role"))
    cw.table([
        ["Matter", "Who is responsible"],
        ["Student code of conduct, attendance, dress code, electronic devices",
         "School administrators only. Enforcing these rules is never part of the SRO’s work: no force and no police "
         "authority to make students follow school rules or policies, and no part in student discipline."],
        ["Work when school is out", "Set by the Department under its own policy; outside this Agreement"],
    ], widths_in=[2.5, 4.0])
    cw.para(f"2.2 Additional duties. The District also buys one additional duty under subd. 2(b) of "
            f"Minn.{NBSP}Stat. {S}626.8482: staffing the District{A}s Safe Routes bike rodeo each May. No other "
            f"additional duties apply.")
    cw.heading("Section 3. Attire", 2)
    cw.sdt_block([
        "The City and the District mutually agree that the SRO will wear a modified uniform (Department polo, duty "
        "belt, no outer vest) during the instructional day, to encourage a positive school climate, relationships "
        "with students and open communication.",
    ], tag="attire_policy")
    cw.heading("Section 4. Selection and Continuation", 2)
    cw.para(f"The District{A}s Director of Safety participates in the Department{A}s oral board for SRO applicants. "
            f"After each school year the parties confer on whether each SRO will continue in the assignment, and "
            f"the Chief will not return an SRO to a school over the District{A}s written objection.")
    cw.heading("Section 5. De-escalation Resources", 2)
    cw.para("The District’s Student Support Services office will give each SRO its de-escalation resource guide "
            "(crisis team members, mediation referral steps, the county mental-health crisis line) by the first "
            "student day and whenever the guide changes.")
    cw.heading("Section 6. Data Practices", 2)
    cw.para(f"6.1 Each party follows its written data practices policies and procedures. The District logs each "
            f"disclosure made under Table{NBSP}3.")
    cw.para(B("Table 3 – Education records that may be shared"))
    cw.table([
        ["Category", "Shared with the Department", "Shared with the SRO", "Purpose"],
        ["Directory information (no opt-out on file)", "Yes", "Yes",
         "To reach a student or parent who is a witness or victim in a criminal case"],
        ["Health or safety emergency information", "Yes", "Yes",
         "To respond to the specific emergency"],
        ["Class schedules", "No", "Yes", "To locate a student in an emergency"],
        ["Threat assessment summaries", "No", "Yes",
         "To carry out a safety plan adopted by the threat assessment team"],
    ], widths_in=[1.8, 1.2, 1.2, 2.3])
    cw.para("6.2 Department records that contain student or parent data are governed by Minnesota Statutes, "
            "chapter 13, and Minnesota Rules, parts 1205.0100 to 1205.2000.")
    cw.heading("Section 7. General", 2)
    cw.para("Each SRO remains a City employee. Either party may end this Agreement on 90 days’ written notice.")
    cw.signature_block([("CITY OF BRINDLE CREEK", ["Mayor", "City Manager"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2602", ["Board Chair", "Board Clerk"])])
    return cw.save(path)


BRINDLE = fixture(
    "brindle_creek_isd2602_duty_table",
    "Table-driven agreement: key-terms table, duties only in a duty table, a matters-outside-the-role table, "
    "a data-sharing table; attire in a block content control; runs split mid-word in table cells.",
    build_brindle,
    {
        "PARTIES": ("present", 'Key-terms table: "City of Brindle Creek" and "Independent School District No. 2602".'),
        "DUTIES-DEFINED": ("present", '"The SRO’s contractual duties are the duties in Table 1."'),
        "SUBD2-A1": ("present", 'Table 1 row 1: "Fostering a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("present", 'Row 2: "Protecting students, staff and visitors to school grounds from criminal activity".'),
        "SUBD2-A3": ("present", 'Row 3: "Serving as liaison from the Department to principals and other school officials".'),
        "SUBD2-A4": ("present", 'Row 4: "Providing advice on safety drills".'),
        "SUBD2-A5": ("partial", 'Row 5: "Identifying vulnerabilities in school buildings": safety protocols dropped.'),
        "SUBD2-A6": ("present", 'Row 6: "Educating and advising students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", 'Row 7: "Enforcing criminal laws".'),
        "FORCE-SCHOOL-RULES": ("present", 'Table 2 names the school rules as outside the role: "no force and no police authority to make students follow school rules or policies, and no part in student discipline."'),
        "ADDITIONAL-DUTIES": ("present", 'Named lawful duty, closed list: "The District also buys one additional duty" "staffing the District’s Safe Routes bike rodeo each May" and "No other additional duties apply."'),
        "ATTIRE": ("present", 'Block content control: "The City and the District mutually agree that the SRO will wear a modified uniform".'),
        "VETTING": ("present", 'Selection: "participates in the Department’s oral board for SRO applicants"; retention: "the Chief will not return an SRO to a school over the District’s written objection".'),
        "DEESCALATION-RESOURCES": ("present", '"will give each SRO its de-escalation resource guide".'),
        "DATA-PRACTICES": ("present", '"Each party follows its written data practices policies and procedures."'),
        "DATA-RECORDS": ("present", 'Table 3 columns "Shared with the Department" and "Shared with the SRO" per category.'),
        "DATA-PURPOSES": ("present", 'Purpose column, e.g. "To reach a student or parent who is a witness or victim in a criminal case" and "To locate a student in an emergency".'),
        "DATA-MGDPA": ("partial", 'Ch. 13 and the rules but no agency policy: "governed by Minnesota Statutes, chapter 13, and Minnesota Rules, parts 1205.0100 to 1205.2000".'),
    },
)


# =============================================================================== 9. duties in an exhibit
def build_larchmont(path: Path) -> Path:
    cw = ContractWriter(title="School Resource Officer Agreement", author="Larchmont Prairie")
    cw.title_block("SCHOOL RESOURCE OFFICER AGREEMENT",
                   "City of Larchmont Prairie – Independent School District No. 2833")
    cw.para(f"This Agreement is between the City of Larchmont Prairie ({q('City')}) and Independent School "
            f"District No. 2833 ({q('District')}). The City{A}s Police Department is the {q('Department')}.")
    cw.heading("1. Term", 1)
    cw.para("1.1 August 1, 2025, through July 31, 2026, renewable by written amendment.")
    cw.heading("2. Duties of the SRO", 1)
    cw.para(f"2.1 The SRO shall perform the duties listed in Exhibit A {EMDASH} Duties of the SRO, attached and "
            f"incorporated into this Agreement.")
    cw.para("2.2 The Department supervises the SRO. When school is not in session, the SRO works assignments "
            "given by the Department.")
    cw.heading("3. Assignment", 1)
    cw.para("3.1 The Chief will invite the principal of Larchmont Prairie High School to interview the finalists "
            "for the SRO position and will consider the principal’s recommendation.")
    cw.para("3.2 Uniform and equipment for the SRO shall be as determined by the Chief.")
    cw.para("3.3 The District may request, with reasons in writing, that the SRO be replaced, and the Chief will "
            "respond in writing within 20 days.")
    cw.heading("4. De-escalation Resources", 1)
    cw.para(f"4.1 Before the first day of school, the principal will introduce the SRO to the building{A}s "
            f"crisis team and explain the District{A}s mediation and de-escalation resources available to staff; "
            f"the principal will send the SRO any update during the year.")
    cw.heading("5. Data Practices", 1)
    cw.para(f"5.1 The parties will follow their written data practices policies and procedures; the District{A}s "
            f"responsible authority decides each request for education records and keeps a record of each "
            f"disclosure.")
    cw.para(f"5.2 Records for the Department. The District may share directory information with the Department "
            f"so that an investigator can locate a student or parent connected to a reported crime, and records named in a "
            f"subpoena or court order to comply with it.")
    cw.para(f"5.3 Records for the SRO. The District may share with the SRO class schedules, to locate a student "
            f"quickly in an emergency, and behavior intervention plans, so the SRO{A}s contacts with a student "
            f"follow the plan.")
    cw.para(f"5.4 The Department{A}s law enforcement records containing student and parent data are governed by "
            f"the Department{A}s data practices policy, Minn.{NBSP}Stat. chapter 13 and Minn.{NBSP}R. "
            f"1205.0100{ENDASH}1205.2000.")
    cw.heading("6. Payment", 1)
    cw.para("6.1 The District pays the City $47.10 per hour worked at school, invoiced monthly.")
    cw.signature_block([("CITY OF LARCHMONT PRAIRIE", ["Mayor", "City Clerk"]),
                        ("ISD NO. 2833", ["Chair", "Clerk"])])
    cw.page_break()
    cw.heading(f"Exhibit A {EMDASH} Duties of the SRO", 1)
    cw.para("The SRO’s duties under the Agreement are:")
    cw.numbered([
        "Developing trusting relationships with students and staff, built on honest, two-way communication.",
        "Protecting students, staff and visitors to school property from criminal activity.",
        "Serving as liaison from the Police Department to the principal and other school officials.",
        "Advising administrators on safety drills.",
        "Identifying vulnerabilities in school facilities and safety protocols.",
        "Educating and advising students and staff on law enforcement topics.",
        "Enforcing criminal laws.",
        "Assisting administrators in investigating violations of the student code of conduct.",
    ], fmt="decimal", text="%1.")
    return cw.save(path)


LARCHMONT = fixture(
    "larchmont_prairie_isd2833_exhibit_duties",
    "Duties only in \u201cExhibit A \u2014 Duties of the SRO, attached and incorporated\u201d (real decimal "
    "numbering after a page break); attire left to the Chief; a code-of-conduct duty in the exhibit.",
    build_larchmont,
    {
        "PARTIES": ("present", '"the City of Larchmont Prairie" and "Independent School District No. 2833".'),
        "DUTIES-DEFINED": ("present", 'Incorporated exhibit: "The SRO shall perform the duties listed in Exhibit A — Duties of the SRO, attached and incorporated into this Agreement."'),
        "SUBD2-A1": ("partial", 'Exhibit A item 1: "Developing trusting relationships with students and staff, built on honest, two-way communication": relationships and open communication without school climate.'),
        "SUBD2-A2": ("present", 'Exhibit A: "Protecting students, staff and visitors to school property from criminal activity."'),
        "SUBD2-A3": ("present", 'Exhibit A: "Serving as liaison from the Police Department to the principal and other school officials."'),
        "SUBD2-A4": ("present", 'Exhibit A: "Advising administrators on safety drills."'),
        "SUBD2-A5": ("present", 'Exhibit A: "Identifying vulnerabilities in school facilities and safety protocols."'),
        "SUBD2-A6": ("present", 'Exhibit A: "Educating and advising students and staff on law enforcement topics."'),
        "SUBD2-A7": ("present", 'Exhibit A: "Enforcing criminal laws."'),
        "FORCE-SCHOOL-RULES": ("violation", 'School-rule duty: "Assisting administrators in investigating violations of the student code of conduct."'),
        "ADDITIONAL-DUTIES": ("violation", 'The only duty beyond subd. 2(a) is school-rule enforcement: "Assisting administrators in investigating violations of the student code of conduct."'),
        "ATTIRE": ("partial", 'Set by the agency alone: "Uniform and equipment for the SRO shall be as determined by the Chief."'),
        "VETTING": ("present", 'Selection: "will invite the principal of Larchmont Prairie High School to interview the finalists"; removal: "The District may request, with reasons in writing, that the SRO be replaced".'),
        "DEESCALATION-RESOURCES": ("present", '"explain the District’s mediation and de-escalation resources available to staff".'),
        "DATA-PRACTICES": ("present", '"The parties will follow their written data practices policies and procedures".'),
        "DATA-RECORDS": ("present", 'Both audiences with categories: "Records for the Department." and "Records for the SRO."'),
        "DATA-PURPOSES": ("present", 'Per-category purposes, e.g. "so that an investigator can locate a student or parent connected to a reported crime" and "to locate a student quickly in an emergency".'),
        "DATA-MGDPA": ("present", '"governed by the Department’s data practices policy, Minn. Stat. chapter 13 and Minn. R. 1205.0100–1205.2000".'),
    },
)


# =============================================================================== 10. SLO vocabulary
def build_quarry(path: Path) -> Path:
    cw = ContractWriter(title="Police Liaison Services Agreement", author="Quarry Hollow")
    cw.title_block("POLICE LIAISON SERVICES AGREEMENT")
    cw.para(f"The City of Quarry Hollow ({q('City')}) and Independent School District No. 2219, Quarry Hollow "
            f"Area Schools ({q('District')}), agree that the City will provide police liaison services to the "
            f"District on the terms below.")
    cw.heading("Article 1. Definition and Duties", 1)
    cw.para(f"1.1 A school liaison officer ({q('SLO')}) is a sworn officer of the Quarry Hollow Police Department "
            f"({q('Department')}) assigned to a District secondary school during the regular instructional day. "
            f"An SLO is a school resource officer for purposes of Minn.{NBSP}Stat. {S}626.8482.")
    cw.para(f"1.2 The SLO{A}s responsibilities are as follows:")
    cw.numbered([
        "nurturing a positive school climate through relationship building and open communication with "
        "students, staff and families;",
        "protecting students, staff and visitors on school grounds from criminal activity;",
        f"serving as the Department{A}s liaison to building principals and other school officials;",
        "advising school administrators on safety drills;",
        "identifying vulnerabilities in school facilities and in safety protocols;",
        "educating and advising students and staff on topics of law enforcement; and",
        "enforcing the criminal laws of the State of Minnesota.",
    ], fmt="lowerRoman", text="(%1)")
    cw.para("1.3 SLOs will not have responsibility for enforcement of school discipline and will not use force or "
            "police authority solely to enforce school rules or policies.")
    cw.heading("Article 2. Uniformed Presence", 1)
    cw.para(f"2.1 After discussing plain clothes and modified uniforms, the City and the District agree that the "
            f"SLO will provide a uniformed presence in the standard Department uniform, which both parties believe "
            f"makes the SLO easy for students to recognize and approach and so supports positive relationships and "
            f"open communication.")
    cw.heading("Article 3. Selection, Replacement and Removal", 1)
    cw.para("3.1 A District administrator serves on the oral board that interviews SLO candidates.")
    cw.para("3.2 The Superintendent may request replacement or removal of an SLO by written request to the Chief, "
            "who will meet with the Superintendent about the request within ten days.")
    cw.heading("Article 4. De-escalation Resources", 1)
    cw.para(f"4.1 Each August the District{A}s student services coordinator will review with each SLO the "
            f"District{A}s de-escalation resources for staff {ENDASH} building crisis teams, mediation and "
            f"mental-health referral {ENDASH} and will send the SLO any change during the year.")
    cw.heading("Article 5. Communication Liaison", 1)
    cw.para("5.1 The SLO will serve as a communication liaison between the District and the Department, and the "
            "District will provide the SLO basic information concerning students.")
    cw.para(f"5.2 Department records containing student and parent data are governed by the Department{A}s data "
            f"practices policy, Minn.{NBSP}Stat. ch. 13, including {S}13.82, and Minn.{NBSP}R. 1205.0100 to "
            f"1205.2000.")
    cw.heading("Article 6. Compensation and Term", 1)
    cw.para("6.1 The District pays 40 percent of the total compensation of each SLO, invoiced December 15 and "
            "July 15. This Agreement covers the 2025–2026 school year.")
    cw.signature_block([("CITY OF QUARRY HOLLOW", ["Mayor", "City Clerk"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2219", ["Board Chair", "Board Clerk"])])
    return cw.save(path)


QUARRY = fixture(
    "quarry_hollow_isd2219_slo_liaison_services",
    "Police liaison services agreement using \u201cschool liaison officer (SLO)\u201d vocabulary, "
    "\u201cDefinition and Duties\u201d article with lower-roman Word numbering, uniformed presence as the "
    "agreed policy, \u201cbasic information concerning students\u201d data clause.",
    build_quarry,
    {
        "PARTIES": ("present", '"The City of Quarry Hollow" and "Independent School District No. 2219".'),
        "DUTIES-DEFINED": ("present", '"The SLO’s responsibilities are as follows:" and a numbered list.'),
        "SUBD2-A1": ("present", '"nurturing a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("present", '"protecting students, staff and visitors on school grounds from criminal activity".'),
        "SUBD2-A3": ("present", '"serving as the Department’s liaison to building principals and other school officials".'),
        "SUBD2-A4": ("present", '"advising school administrators on safety drills".'),
        "SUBD2-A5": ("present", '"identifying vulnerabilities in school facilities and in safety protocols".'),
        "SUBD2-A6": ("present", '"educating and advising students and staff on topics of law enforcement".'),
        "SUBD2-A7": ("present", '"enforcing the criminal laws of the State of Minnesota".'),
        "FORCE-SCHOOL-RULES": ("present", '"SLOs will not have responsibility for enforcement of school discipline and will not use force or police authority solely to enforce school rules or policies".'),
        "ADDITIONAL-DUTIES": ("missing", 'Silent on additional duties.'),
        "ATTIRE": ("present", 'Standard uniform stated as the agreed policy: "the City and the District agree that the SLO will provide a uniformed presence in the standard Department uniform".'),
        "VETTING": ("present", 'Selection: "A District administrator serves on the oral board that interviews SLO candidates."; retention: "may request replacement or removal of an SLO".'),
        "DEESCALATION-RESOURCES": ("present", '"will review with each SLO the District’s de-escalation resources for staff".'),
        "DATA-PRACTICES": ("partial", 'Only a bare sharing sentence: "the District will provide the SLO basic information concerning students"; no policies or procedures.'),
        "DATA-RECORDS": ("partial", 'One audience (the SLO) and no categories: "basic information concerning students".'),
        "DATA-PURPOSES": ("partial", '"basic information concerning students" is shared with no stated purpose.'),
        "DATA-MGDPA": ("present", '"governed by the Department’s data practices policy, Minn. Stat. ch. 13, including § 13.82, and Minn. R. 1205.0100 to 1205.2000".'),
    },
)

FIXTURES_B = [TAMARACK, OSTRANDER, BRINDLE, LARCHMONT, QUARRY]
