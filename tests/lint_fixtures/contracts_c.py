"""Fixtures 11-15: a redlined draft judged on its accepted text, the police department alone as
party, a charter school in a joint powers agreement, a letter agreement whose duties are
"as assigned", a county program agreement in paraphrase.  All names are invented."""
from __future__ import annotations

from pathlib import Path

from .base import fixture
from .writer import (APOS, EMDASH, ENDASH, LQ, NBSP, RQ, SECT, B, ContractWriter, Del, Foot, I, Ins, SdtInline,
                     Split)

S = f"{SECT}{NBSP}"
A = APOS


def q(term: str) -> str:
    return f"{LQ}{term}{RQ}"


# =============================================================================== 11. unaccepted tracked changes
def build_harrow(path: Path) -> Path:
    cw = ContractWriter(title="SRO Agreement - counsel redline", author="Harrow Mill City Attorney",
                        revision_author="District Counsel")
    cw.title_block("SCHOOL RESOURCE OFFICER AGREEMENT", "City of Harrow Mill and Independent School District No. 2377",
                   "DRAFT 3 \u2013 district counsel redline of July 14, 2025")
    cw.heading("1. Parties", 2)
    cw.para(f"This Agreement is between the City of Harrow Mill ({q('City')}), for its Police Department "
            f"({q('Department')}), and Independent School District No. 2377 ({q('District')}).")
    cw.heading("2. Term", 2)
    cw.para(["2.1 This Agreement is effective from August 15, 2025, through June 30, ",
             Del("2026", author="District Counsel"), Ins("2027", author="District Counsel"), "."])
    cw.heading("3. Payment", 2)
    cw.para("3.1 The District pays the City one-half of the SRO’s salary and benefits for the school year, "
            "invoiced in January and June.")
    cw.heading("4. Duties", 2)
    cw.para("4.1 The SRO’s duties are:")
    cw.numbered([
        "fostering a positive school climate through relationship building and open communication;",
        ["protecting students", Del(" and", author="District Counsel"), Ins(",", author="District Counsel"),
         " staff ", Ins("and visitors ", author="District Counsel"), "on school grounds from criminal activity;"],
        "serving as liaison from the Department to school officials;",
        "advising on safety drills;",
        [Ins("identifying vulnerabilities in school facilities and safety protocols;", author="District Counsel")],
        "educating and advising students and staff on law enforcement topics;",
        ["enforcing criminal laws", Del("; and", author="District Counsel"), Ins(".", author="District Counsel")],
        [Del("assisting administrators in enforcing the student code of conduct and attendance policies.",
             author="District Counsel")],
    ], fmt="lowerLetter", text="(%1)", mark_inserted=[4], mark_deleted=[7])
    cw.para(["4.2 ",
             Del("The SRO will help maintain order and assist with school discipline when asked by the principal.",
                 author="District Counsel"),
             Ins("The SRO will not use force or the authority of the office solely to enforce school rules or "
                 "policies and will not take part in disciplining students for violating school rules.",
                 author="District Counsel")])
    cw.para(["4.3 ", Del("The SRO will perform other duties as assigned by the principal.", author="District Counsel"),
             Ins("The District does not contract for any additional duties.", author="District Counsel")])
    cw.heading("5. The SRO", 2)
    cw.para(["5.1 The SRO will wear ", Del("attire as determined by the Chief of Police.", author="District Counsel"),
             Ins("a modified uniform the parties have agreed on together, chosen to support a positive school "
                 "climate, relationships with students and open communication.", author="District Counsel")])
    cw.para(["5.2 The Superintendent may interview candidates before the Chief assigns an SRO",
             Ins(", and may request the removal of an SRO by written notice to the Chief", author="District Counsel"),
             "."])
    cw.para([Del("5.3 The District will brief the SRO each fall on its crisis team and mediation resources.",
                 author="District Counsel")], mark_deleted=True)
    cw.heading("6. Data Practices", 2)
    cw.para("6.1 Each party will follow its data practices policies and procedures, which it will share with the "
            "other party on request.")
    cw.para(["6.2 The District may share with the Department directory information and records named in a "
             "subpoena, ", Del("for law enforcement purposes", author="District Counsel"),
             Ins("to locate a student or parent an investigator needs to interview or to comply with the "
                 "subpoena", author="District Counsel"), "."])
    cw.para("6.3 The District may share with the SRO class schedules, to locate a student in an emergency, and "
            "threat assessment records, to carry out a student safety plan.")
    cw.para(["6.4 Law enforcement records with student or parent data are governed by the Department’s data "
             "practices policy and Minn.", NBSP, "Stat. ch. 13",
             Ins(", and by Minn. R. 1205.0100 to 1205.2000", author="District Counsel"), "."])
    cw.signature_block([("CITY OF HARROW MILL", ["Mayor", "City Clerk"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2377", ["Board Chair"])])
    return cw.save(path)


HARROW = fixture(
    "harrow_mill_isd2377_tracked_redline",
    "Counsel's redline with unaccepted tracked insertions and deletions (runs, a wholly inserted list item, a "
    "wholly deleted item and paragraph) whose ACCEPTED text decides eight labels.",
    build_harrow,
    {
        "PARTIES": ("present", '"the City of Harrow Mill" and "Independent School District No. 2377".'),
        "DUTIES-DEFINED": ("present", '"The SRO’s duties are:" followed by a numbered list.'),
        "SUBD2-A1": ("present", '"fostering a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("present", 'Accepted text (visitors inserted): "protecting students, staff and visitors on school grounds from criminal activity".'),
        "SUBD2-A3": ("present", '"serving as liaison from the Department to school officials".'),
        "SUBD2-A4": ("present", '"advising on safety drills".'),
        "SUBD2-A5": ("present", 'Inserted list item: "identifying vulnerabilities in school facilities and safety protocols".'),
        "SUBD2-A6": ("present", '"educating and advising students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", '"enforcing criminal laws".'),
        "FORCE-SCHOOL-RULES": ("present", 'The school-discipline item and sentence are tracked deletions; inserted: "The SRO will not use force or the authority of the office solely to enforce school rules or policies".'),
        "ADDITIONAL-DUTIES": ("present", 'The deleted sentence (‘other duties as assigned’) does not count; inserted: "The District does not contract for any additional duties."'),
        "ATTIRE": ("present", 'The Chief-alone wording is deleted; inserted: "The SRO will wear a modified uniform the parties have agreed on together".'),
        "VETTING": ("present", 'Selection: "The Superintendent may interview candidates"; retention by insertion: "may request the removal of an SRO by written notice to the Chief".'),
        "DEESCALATION-RESOURCES": ("missing", 'The only clause on District resources (5.3) is a tracked deletion, so the accepted text says nothing.'),
        "DATA-PRACTICES": ("present", '"Each party will follow its data practices policies and procedures, which it will share with the other party on request."'),
        "DATA-RECORDS": ("present", 'Both audiences: "The District may share with the Department directory information" and "The District may share with the SRO class schedules".'),
        "DATA-PURPOSES": ("present", 'The deleted ‘for law enforcement purposes’ does not count; inserted: "to locate a student or parent an investigator needs to interview"; SRO records: "to locate a student in an emergency".'),
        "DATA-MGDPA": ("present", 'Accepted text: "governed by the Department’s data practices policy and Minn. Stat. ch. 13, and by Minn. R. 1205.0100 to 1205.2000".'),
    },
)


# =============================================================================== 12. department alone as party
def build_vantry(path: Path) -> Path:
    cw = ContractWriter(title="SRO Services Agreement", author="Vantry Police Department", base_font="Cambria")
    cw.fake_heading("School Resource Officer Services Agreement", caps_property=True, underline=True)
    cw.para(f"This Agreement is entered into by the Vantry Police Department ({q('Department')}) and Independent "
            f"School District No. 2049, Vantry Public Schools ({q('District')}).")
    cw.fake_heading("Section 1 \u2013 Term", caps_property=True)
    cw.para("The Agreement runs from the first student day of the 2025–2026 school year through the last student "
            "day of the 2026–2027 school year.")
    cw.fake_heading("Section 2 \u2013 Duties of Officer", caps_property=True)
    cw.para(f"The Department will assign one officer ({q('SRO')}) to Vantry High School. The SRO{A}s duties are:")
    cw.literal_list([
        ["fostering a positive school climate through relationship building and open ", Split("commu", "nication"), ";"],
        "protecting students, staff, and visitors to the school grounds from criminal activity;",
        "serving as a liaison from law enforcement to school officials;",
        ["providing advice on safety ", Split("dri", "lls"), ";"],
        ["identifying ", Split("vulner", "abil", "ities"), " in school facilities and safety protocols;"],
        "educating and advising students and staff on law enforcement topics; and",
        "enforcement of criminal laws.",
    ], labels="1", pattern="({})")
    cw.para("There are no additional duties under this Agreement.")
    cw.fake_heading("Section 3 \u2013 Conduct", caps_property=True)
    cw.para("The SRO shall use de-escalation techniques consistent with Department Policy 417 and shall seek to "
            "resolve conflicts without force whenever possible. The Department assigns and supervises the SRO.")
    cw.fake_heading("Section 4 \u2013 Data Practices", caps_property=True)
    cw.para("4.1 The Department and the District each maintain data practices policies and procedures and will "
            "apply them to every request under this Section. Requests are made in writing and each disclosure "
            "is recorded.")
    cw.para(["4.2 Shared with the Department: directory information, to identify a student or parent who is a "
             "witness, victim or suspect; and emergency health and safety information, to respond to that ",
             Split("emer", "gency"), "."])
    cw.para("4.3 Shared with the SRO: student schedules, to find a student during an emergency; and the current "
            "day’s attendance list, to account for students during a lockdown.")
    cw.para(f"4.4 Records the Department keeps that include student or parent data are subject to the "
            f"Department{A}s data practices policy, chapter 13 of Minnesota Statutes (the Minnesota Government Data "
            f"Practices Act) and Minn.{NBSP}R. 1205.0100{ENDASH}1205.2000.")
    cw.fake_heading("Section 5 \u2013 Cost", caps_property=True)
    cw.para("The District reimburses the Department $84,300 per school year in three installments.")
    cw.signature_block([("VANTRY POLICE DEPARTMENT", ["Chief of Police"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2049", ["Board Chair"])])
    return cw.save(path)


VANTRY = fixture(
    "vantry_pd_isd2049_department_party",
    "Services agreement signed by the police DEPARTMENT (Chief) rather than the city; fake underlined headings "
    "in w:caps; verbatim statutory duty list typed (1)-(7) with runs split mid-word; de-escalation only as conduct.",
    build_vantry,
    {
        "PARTIES": ("partial", 'The police department alone, not its city, is the party: "This Agreement is entered into by the Vantry Police Department".'),
        "DUTIES-DEFINED": ("present", '"The SRO’s duties are:" followed by seven items.'),
        "SUBD2-A1": ("present", '"fostering a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("present", '"protecting students, staff, and visitors to the school grounds from criminal activity".'),
        "SUBD2-A3": ("present", '"serving as a liaison from law enforcement to school officials".'),
        "SUBD2-A4": ("present", '"providing advice on safety drills".'),
        "SUBD2-A5": ("present", '"identifying vulnerabilities in school facilities and safety protocols".'),
        "SUBD2-A6": ("present", '"educating and advising students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", '"enforcement of criminal laws."'),
        "FORCE-SCHOOL-RULES": ("missing", 'No restatement of subd. 2(c) and no school-rule duty.'),
        "ADDITIONAL-DUTIES": ("present", 'Express none: "There are no additional duties under this Agreement."'),
        "ATTIRE": ("missing", 'Nothing on attire.'),
        "VETTING": ("missing", 'Only "The Department assigns and supervises the SRO."; the District’s role (or that it has none) is not stated.'),
        "DEESCALATION-RESOURCES": ("missing", 'Officer conduct only: "The SRO shall use de-escalation techniques"; nothing on District resources.'),
        "DATA-PRACTICES": ("present", '"each maintain data practices policies and procedures and will apply them to every request".'),
        "DATA-RECORDS": ("present", 'Both audiences with categories: "Shared with the Department: directory information" and "Shared with the SRO: student schedules".'),
        "DATA-PURPOSES": ("present", 'Per-category purposes, e.g. "to identify a student or parent who is a witness, victim or suspect" and "to account for students during a lockdown".'),
        "DATA-MGDPA": ("present", '"subject to the Department’s data practices policy, chapter 13 of Minnesota Statutes (the Minnesota Government Data Practices Act) and Minn. R. 1205.0100–1205.2000".'),
    },
)


# =============================================================================== 13. charter school in a JPA
def build_embry(path: Path) -> Path:
    cw = ContractWriter(title="Joint Powers Agreement for SRO Services", author="Embry Falls")
    cw.title_block("JOINT POWERS AGREEMENT FOR SCHOOL RESOURCE OFFICER SERVICES")
    cw.para(["This Joint Powers Agreement is made under Minn.", NBSP, f"Stat. {S}471.59 between the City of Embry "
             f"Falls ({q('City')}) and ", SdtInline("Northstar Harbor Charter School", tag="school_name"),
             f", a Minnesota charter school acting through its board of directors ({q('School')})."])
    cw.heading("Section 1. Purpose and Term", 1)
    cw.para("1.1 The parties jointly exercise their powers to provide a school resource officer at the School "
            "from September 2, 2025, through June 12, 2026.")
    cw.heading("Section 2. Funding", 1)
    cw.para(f"2.1 The School will pay the City $44,500 from its safe schools revenue under Minn.{NBSP}Stat. "
            f"{S}126C.44, in two payments.")
    cw.heading("Section 3. Duties", 1)
    cw.para(f"3.1 The SRO, a licensed peace officer of the Embry Falls Police Department ({q('Department')}), "
            f"has the following duties:")
    cw.numbered([
        "promoting a positive school climate through relationship building and open communication with students "
        "and staff;",
        "protecting students, staff and visitors on School grounds from criminal activity;",
        "serving as a liaison from the Department to School administrators and other school officials;",
        f"providing advice on the School{A}s safety drills;",
        f"identifying vulnerabilities in the School{A}s facilities and safety protocols;",
        "educating and advising students and staff on law enforcement topics; and",
        "enforcing criminal laws.",
    ], fmt="lowerLetter", text="%1)")
    cw.para(f"3.2 The SRO shall not use force or the authority of the SRO{A}s office solely to enforce school "
            f"rules or policies, and shall not take part in discipline for school-rule violations.")
    cw.para(f"3.3 Serving at the School{A}s two evening family nights each year is an additional duty under "
            f"subd. 2(b) of that section; there are no other additional duties.")
    cw.heading("Section 4. Attire", 1)
    cw.para("4.1 The City and the School have agreed on an attire policy: the SRO will wear a Department-issued "
            "modified uniform (soft-collar shirt with badge, no external vest), chosen together to help the SRO "
            "build relationships and keep communication open with students.")
    cw.heading("Section 5. Selection and Retention", 1)
    cw.sdt_block([
        f"5.1 The School{A}s Executive Director will join the Chief in interviewing candidates for the SRO "
        f"position.",
        "5.2 The Executive Director may at any time ask the Chief in writing to replace the SRO, and the Chief "
        "will replace the SRO within 30 days unless the parties agree otherwise.",
    ], tag="selection_retention")
    cw.heading("Section 6. De-escalation Resources", 1)
    cw.para(f"6.1 During the SRO{A}s first week, the School{A}s student support team will walk the SRO through "
            f"the de-escalation resources available to School staff, including its crisis response plan and "
            f"peer mediation.")
    cw.heading("Section 7. Data Practices", 1)
    cw.para("7.1 Each party will follow its written data practices policies and procedures and will name a "
            "contact for requests under this Section.")
    cw.para(f"7.2 The School may share with the Department directory information, to put an officer in touch "
            f"with a student or parent involved in a police matter. The School may share with the SRO student schedules and "
            f"emergency contacts, to find a student or reach a parent in an emergency.")
    cw.para(f"7.3 Department records containing student or parent data are governed by the Department{A}s data "
            f"practices policy, Minnesota Statutes chapter 13, and Minnesota Rules, parts 1205.0100 to 1205.2000.")
    cw.heading("Section 8. Liability", 1)
    cw.para(f"8.1 Each party is responsible for its own acts under Minn.{NBSP}Stat. {S}471.59, subd. 1a.")
    cw.signature_block([("CITY OF EMBRY FALLS", ["Mayor", "City Clerk"]),
                        ("NORTHSTAR HARBOR CHARTER SCHOOL", ["Chair, Board of Directors"])])
    return cw.save(path)


EMBRY = fixture(
    "embry_falls_northstar_harbor_charter_jpa",
    "Joint powers agreement under § 471.59 between a city and a charter school (not a governmental unit); "
    "school name in an inline content control, selection/retention in a block content control; otherwise compliant.",
    build_embry,
    {
        "PARTIES": ("violation", 'A charter school in a joint powers agreement: "This Joint Powers Agreement is made under Minn. Stat. § 471.59 between the City of Embry Falls" and "Northstar Harbor Charter School, a Minnesota charter school".'),
        "DUTIES-DEFINED": ("present", '"has the following duties:" and a numbered list.'),
        "SUBD2-A1": ("present", '"promoting a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("present", '"protecting students, staff and visitors on School grounds from criminal activity".'),
        "SUBD2-A3": ("present", '"serving as a liaison from the Department to School administrators and other school officials".'),
        "SUBD2-A4": ("present", '"providing advice on the School’s safety drills".'),
        "SUBD2-A5": ("present", '"identifying vulnerabilities in the School’s facilities and safety protocols".'),
        "SUBD2-A6": ("present", '"educating and advising students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", '"enforcing criminal laws."'),
        "FORCE-SCHOOL-RULES": ("present", '"shall not use force or the authority of the SRO’s office solely to enforce school rules or policies".'),
        "ADDITIONAL-DUTIES": ("present", 'Named lawful duty, closed list: "is an additional duty under subd. 2(b) of that section; there are no other additional duties".'),
        "ATTIRE": ("present", '"The City and the School have agreed on an attire policy: the SRO will wear a Department-issued modified uniform".'),
        "VETTING": ("present", 'Block content control: "will join the Chief in interviewing candidates" and "may at any time ask the Chief in writing to replace the SRO".'),
        "DEESCALATION-RESOURCES": ("present", '"will walk the SRO through the de-escalation resources available to School staff".'),
        "DATA-PRACTICES": ("present", '"Each party will follow its written data practices policies and procedures".'),
        "DATA-RECORDS": ("present", 'Both audiences: "The School may share with the Department directory information" and "The School may share with the SRO student schedules and emergency contacts".'),
        "DATA-PURPOSES": ("present", '"to put an officer in touch with a student or parent involved in a police matter" and "to find a student or reach a parent in an emergency".'),
        "DATA-MGDPA": ("present", '"governed by the Department’s data practices policy, Minnesota Statutes chapter 13, and Minnesota Rules, parts 1205.0100 to 1205.2000".'),
    },
)


# =============================================================================== 14. letter agreement, duties "as assigned"
def build_wickham(path: Path) -> Path:
    cw = ContractWriter(title="Letter agreement - SRO 2025-26", author="Wickham Lake City Administrator",
                        base_font="Georgia")
    cw.para(B("CITY OF WICKHAM LAKE"), align="center")
    cw.para(I("Office of the City Administrator \u2022 410 Shoreline Drive \u2022 Wickham Lake, Minnesota"),
            align="center")
    cw.para("July 28, 2025")
    cw.para("Dr. Renata Okafor, Superintendent")
    cw.para("Independent School District No. 2636")
    cw.para("Wickham Lake, Minnesota")
    cw.para(B("Re: School resource officer for the 2025–26 school year"))
    cw.para("Dear Dr. Okafor:")
    cw.para(f"This letter agreement between the City of Wickham Lake (the City) and Independent School District "
            f"No. 2636 (the District) sets the terms on which the City will assign a police officer as school "
            f"resource officer (SRO) at Wickham Lake High School. Our shared goal is to foster a positive school "
            f"climate through relationship building and open communication, and to keep students, staff and "
            f"visitors safe.")
    cw.para([B("Duties. "), "The SRO will perform such duties as the principal assigns from time to time, in "
             "consultation with the Chief of Police. The principal will not assign the SRO any part in student "
             "discipline or in enforcing school rules or policies, and the SRO will not use force for that purpose."])
    cw.para([B("The officer. "), f"The City will consider the District{A}s views before choosing the officer. "
             f"The SRO remains a City employee."])
    cw.para([B("Attire. "), f"At the District{A}s request, and with the City{A}s agreement, the SRO will wear the "
             f"standard patrol uniform; we have both concluded that a recognizable uniform is the clearest way for "
             f"students to know whom to approach."])
    cw.para([B("Records. "), "The SRO may have access to student records as needed."])
    cw.para([B("Cost and term. "), "The District will pay the City $31,000 on receipt of an invoice in January. "
             "This letter covers August 25, 2025, through June 5, 2026."])
    cw.para("If this letter reflects our agreement, please sign below and return a copy to me.")
    cw.para("Sincerely,")
    cw.para("Marta Lindqvist, City Administrator")
    cw.para(B("Accepted and agreed:"))
    cw.signature_block([("CITY OF WICKHAM LAKE", ["Mayor"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2636", ["Board Chair"])])
    return cw.save(path)


WICKHAM = fixture(
    "wickham_lake_isd2636_letter_as_assigned",
    "Short letter agreement with run-in bold headings: the \u201cDuties\u201d paragraph only says the officer "
    "does what the principal assigns; statutory ideas only in the goal sentence; one-line records access.",
    build_wickham,
    {
        "PARTIES": ("present", '"between the City of Wickham Lake (the City) and Independent School District No. 2636".'),
        "DUTIES-DEFINED": ("missing", 'The Duties paragraph only says the officer does what is assigned ("such duties as the principal assigns from time to time").'),
        "SUBD2-A1": ("missing", 'Only in the goal sentence ("Our shared goal is to foster a positive school climate"), which is not a duty.'),
        "SUBD2-A2": ("missing", 'Only in the goal sentence ("to keep students, staff and visitors safe").'),
        "SUBD2-A3": ("missing", 'No duty list.'),
        "SUBD2-A4": ("missing", 'No duty list.'),
        "SUBD2-A5": ("missing", 'No duty list.'),
        "SUBD2-A6": ("missing", 'No duty list.'),
        "SUBD2-A7": ("missing", 'No duty list.'),
        "FORCE-SCHOOL-RULES": ("present", '"The principal will not assign the SRO any part in student discipline or in enforcing school rules or policies".'),
        "ADDITIONAL-DUTIES": ("violation", 'Open-ended, school-assigned duties: "such duties as the principal assigns from time to time".'),
        "ATTIRE": ("present", 'Standard uniform as the agreed policy: "At the District’s request, and with the City’s agreement, the SRO will wear the standard patrol uniform".'),
        "VETTING": ("partial", 'Selection input only: "The City will consider the District’s views before choosing the officer."'),
        "DEESCALATION-RESOURCES": ("missing", 'Nothing on de-escalation resources.'),
        "DATA-PRACTICES": ("partial", 'A bare access sentence: "The SRO may have access to student records as needed."'),
        "DATA-RECORDS": ("partial", 'One audience, no categories: "access to student records as needed".'),
        "DATA-PURPOSES": ("partial", 'No real purpose: "as needed".'),
        "DATA-MGDPA": ("missing", 'No agency policy, chapter 13 or rules.'),
    },
)


# =============================================================================== 15. county program agreement, paraphrased
def build_wendell(path: Path) -> Path:
    cw = ContractWriter(title="School Resource Deputy Program Agreement", author="Wendell County Attorney")
    cw.title_block("SCHOOL RESOURCE DEPUTY PROGRAM AGREEMENT",
                   "County of Wendell \u2022 Independent School District No. 2921 (Osprey Valley Schools)")
    cw.para(f"The County of Wendell, through its Sheriff{A}s Office ({q('County')}), and Independent School "
            f"District No. 2921 ({q('District')}) make this Program Agreement for school resource deputies "
            f"({q('deputies')}) at Osprey Valley High School and Osprey Valley Middle School.")
    cw.heading("1. Officer Responsibilities", 1)
    cw.para("During the instructional day each deputy will:")
    cw.numbered([
        "Promote a positive climate in each school by getting to know students and staff and keeping lines of "
        "communication open.",
        "Keep students, employees and visitors on campus safe from crime.",
        f"Act as the Sheriff{A}s Office point of contact for principals and other school officials.",
        f"Observe each school{A}s lockdown and evacuation drills and advise the principal on how to improve them.",
        f"Point out security gaps in school buildings and in the District{A}s safety procedures.",
        "Give students and staff lessons and advice on the law and on how police work is done.",
        "Investigate crimes and enforce state criminal law.",
    ], fmt="bullet")
    cw.para("No deputy will be used to discipline students or to enforce school rules or policies, whether by force "
            "or by the authority of the office.")
    cw.para(f"The District has contracted for one additional duty: a deputy will teach the driver{A}s-education "
            f"unit on traffic stops each semester.")
    cw.heading("2. Attire", 1)
    cw.para(f"Wendell County and the District have settled on a modified uniform {EMDASH} Sheriff{A}s Office polo "
            f"with embroidered star and duty belt {EMDASH} as their joint attire policy, because a less formal look "
            f"helps deputies build rapport with students and keeps conversations open.")
    cw.heading("3. Choosing and Keeping Deputies", 1)
    cw.para("The Sheriff will include each building principal in interviewing applicants. The District may ask for "
            "a different deputy, stating its reasons, and the Sheriff will honor a reasonable request.")
    cw.heading("4. De-escalation Resources", 1)
    cw.para("At the start of each school year the District will give each deputy the names of its crisis team "
            "members and an outline of its mediation program, so the deputy knows the de-escalation resources "
            "staff use.")
    cw.heading("5. Information Sharing", 1)
    cw.para(f"5.1 Both parties will handle educational data under their written data practices policies and "
            f"procedures. The District{A}s data practices designee approves each release and keeps a log.")
    cw.para(["5.2 The District may release to the Sheriff’s Office directory information, to find and speak with a "
             "student or parent during a criminal investigation, and health or safety emergency information, to "
             "respond to the emergency.", Foot(f"Minn.{NBSP}Stat. {S}13.32, subd. 3; 34 C.F.R. {S}99.31(a)(10) and "
                                               f"{S}99.36.")])
    cw.para("5.3 The District may release to each deputy building maps and class schedules, to locate a student in "
            "an emergency, and threat assessment summaries, to carry out a safety plan the team adopts.")
    cw.para(f"5.4 Student and parent data in records the Sheriff{A}s Office keeps as a law enforcement agency are "
            f"subject to its data practices policy and to the Minnesota Government Data Practices Act, "
            f"Minn.{NBSP}Stat. ch. 13.")
    cw.heading("6. Term, Payment and Termination", 1)
    cw.para("This Agreement runs from August 1, 2025, to July 31, 2028. The District pays 60 percent of the "
            "deputies’ wages and benefits for 178 days, invoiced each quarter. Either party may end it on 120 days’ "
            "written notice.")
    cw.signature_block([("COUNTY OF WENDELL", ["Chair, County Board", "Sheriff"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2921", ["Board Chair", "Superintendent"])])
    return cw.save(path)


WENDELL = fixture(
    "wendell_county_isd2921_paraphrased_program",
    "County program agreement for school resource deputies with an \u201cOfficer Responsibilities\u201d article: "
    "every duty is a plain paraphrase (no statutory wording), bullets with real Word numbering, a legal-cite footnote.",
    build_wendell,
    {
        "PARTIES": ("present", '"The County of Wendell, through its Sheriff’s Office" and "Independent School District No. 2921".'),
        "DUTIES-DEFINED": ("present", '"During the instructional day each deputy will:" and seven bullets.'),
        "SUBD2-A1": ("present", 'Paraphrase with all elements: "Promote a positive climate in each school by getting to know students and staff and keeping lines of communication open."'),
        "SUBD2-A2": ("present", 'Paraphrase (employees = staff, campus = school grounds, crime = criminal activity): "Keep students, employees and visitors on campus safe from crime."'),
        "SUBD2-A3": ("present", '"Act as the Sheriff’s Office point of contact for principals and other school officials."'),
        "SUBD2-A4": ("present", '"Observe each school’s lockdown and evacuation drills and advise the principal on how to improve them."'),
        "SUBD2-A5": ("present", 'Paraphrase (security gaps = vulnerabilities): "Point out security gaps in school buildings and in the District’s safety procedures."'),
        "SUBD2-A6": ("present", '"Give students and staff lessons and advice on the law and on how police work is done."'),
        "SUBD2-A7": ("present", '"Investigate crimes and enforce state criminal law."'),
        "FORCE-SCHOOL-RULES": ("present", '"No deputy will be used to discipline students or to enforce school rules or policies, whether by force or by the authority of the office."'),
        "ADDITIONAL-DUTIES": ("present", '"The District has contracted for one additional duty: a deputy will teach the driver’s-education unit on traffic stops".'),
        "ATTIRE": ("present", '"Wendell County and the District have settled on a modified uniform" "as their joint attire policy".'),
        "VETTING": ("present", 'Selection: "The Sheriff will include each building principal in interviewing applicants."; retention: "The District may ask for a different deputy".'),
        "DEESCALATION-RESOURCES": ("present", '"so the deputy knows the de-escalation resources staff use".'),
        "DATA-PRACTICES": ("present", '"Both parties will handle educational data under their written data practices policies and procedures."'),
        "DATA-RECORDS": ("present", 'Both audiences: "The District may release to the Sheriff’s Office directory information" and "The District may release to each deputy building maps and class schedules".'),
        "DATA-PURPOSES": ("present", 'Per-category purposes, e.g. "to find and speak with a student or parent during a criminal investigation" and "to carry out a safety plan the team adopts".'),
        "DATA-MGDPA": ("partial", 'Policy and ch. 13 without the rules: "subject to its data practices policy and to the Minnesota Government Data Practices Act, Minn. Stat. ch. 13."'),
    },
)

FIXTURES_C = [HARROW, VANTRY, EMBRY, WICKHAM, WENDELL]
