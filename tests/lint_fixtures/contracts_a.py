"""Fixtures 1-5: classic WHEREAS/articles, plain-language Q&A, terse § 471.59 JPA, county MOU,
county-charter-school services contract.  All names are invented."""
from __future__ import annotations

from pathlib import Path

from .base import fixture
from .writer import APOS, EMDASH, ENDASH, LQ, NBSP, RQ, SECT, B, ContractWriter, Foot, I, SdtInline

S = f"{SECT}{NBSP}"          # "§ " with a no-break space, as Word users type it
A = APOS


def q(term: str) -> str:
    return f"{LQ}{term}{RQ}"


# =============================================================================== 1. classic articles
def build_alderbrook(path: Path) -> Path:
    cw = ContractWriter(title="School Resource Officer Services Agreement", author="Alderbrook City Attorney")
    cw.title_block("SCHOOL RESOURCE OFFICER SERVICES AGREEMENT",
                   "City of Alderbrook and Independent School District No. 2311 (Alderbrook Public Schools)")
    cw.para(["THIS AGREEMENT is made and entered into as of the first day of August, 2025, by and between the ",
             B("CITY OF ALDERBROOK"), f", a Minnesota municipal corporation (the {q('City')}), and ",
             B("INDEPENDENT SCHOOL DISTRICT NO. 2311"), f", a Minnesota independent school district (the {q('District')})."], align="justify")
    cw.heading("RECITALS", 1)
    cw.para(f"WHEREAS, the District wishes to have licensed peace officers of the Alderbrook Police Department "
            f"(the {q('Department')}) assigned to Alderbrook High School and Cedar Bluff Middle School during "
            f"the regular instructional school day; and")
    cw.para(f"WHEREAS, Minn.{NBSP}Stat. {S}626.8482 governs the duties, training and assignment of school resource "
            f"officers, and the Department{A}s Policy 417 requires that its contracts define the officer{A}s "
            f"duties; and")
    cw.para("WHEREAS, the parties share the goal of schools in which students feel safe, supported and welcome;")
    cw.para("NOW, THEREFORE, in consideration of the mutual promises below, the City and the District agree as follows:")

    cw.heading("ARTICLE I. DEFINITIONS", 1)
    cw.para(f"1.1 {q('SRO')} means a City peace officer, licensed in Minnesota, whom the City places in a "
            f"District school under this Agreement as one of the officer{A}s regular responsibilities.")
    cw.para(f"1.2 {q('School Day')} means a day on which students receive instruction under the District{A}s "
            f"adopted calendar.")

    cw.heading("ARTICLE II. TERM", 1)
    cw.para("2.1 This Agreement runs from August 15, 2025, through June 30, 2027, unless terminated earlier "
            "under Article X.")

    cw.heading("ARTICLE III. SELECTION AND RETENTION OF SROs", 1)
    cw.para("3.1 Selection. The Chief of Police shall select each SRO from Department officers who apply for the "
            f"assignment. Before a selection is final, the Chief shall convene an interview board on which the "
            f"District{A}s Director of Safety and the principal of the assigned school each hold a seat.")
    cw.para(f"3.2 Retention. Each spring the principal shall give the Chief a written evaluation of the SRO{A}s "
            f"work in the building. If the District concludes that an SRO is not a good fit for the school, the "
            f"Superintendent may ask the Chief in writing to reassign the SRO, and the Chief shall confer with the "
            f"Superintendent within ten School Days and shall not unreasonably refuse the request.")

    cw.heading("ARTICLE IV. DUTIES OF THE SRO", 1)
    cw.para(f"4.1 Contractual duties. Consistent with Minn.{NBSP}Stat. {S}626.8482, subd. 2(a), the SRO{A}s "
            f"duties under this Agreement are:")
    cw.numbered([
        "cultivating a positive school climate through relationship building and open communication with "
        "students, families and staff;",
        "protecting students, staff and visitors to school grounds from criminal activity;",
        "acting as the liaison from the Department to the principals and other school officials;",
        "providing advice to administrators on lockdown, evacuation and other safety drills;",
        "identifying vulnerabilities in school facilities and safety protocols and reporting them to the "
        "Director of Safety;",
        "educating and advising students and staff on law enforcement topics, including through classroom "
        "presentations; and",
        "enforcing criminal laws.",
    ], fmt="lowerLetter", text="(%1)")
    cw.para(f"4.2 Limits. The SRO shall not use force or the authority of the office of a peace officer solely to "
            f"enforce school rules or policies, and shall not participate in disciplining students for violations "
            f"of school rules, as provided in Minn.{NBSP}Stat. {S}626.8482, subd. 2(c). Questions of attendance, "
            f"tardiness and conduct-code compliance belong to District staff.")
    cw.para(f"4.3 Training. An SRO who has not completed the training required by subdivision 3 of the statute "
            f"will not perform the duties in clauses (d) and (e) of Section{NBSP}4.1 until trained.")
    cw.para("4.4 When school is not in session, the SRO works patrol or investigative assignments as the "
            "Department directs, under Department policy.")

    cw.heading("ARTICLE V. ATTIRE", 1)
    cw.para(f"5.1 After discussing uniformed and non-uniformed options, the City and the District have mutually "
            f"agreed that SROs will ordinarily wear plain clothes{EMDASH}a collared shirt bearing the Department "
            f"patch{EMDASH}with duty equipment concealed, because the parties believe this attire helps foster a "
            f"positive school climate, eases relationship building with students and supports open communication.")
    cw.para("5.2 The SRO will wear the full uniform at events where the Chief and the principal agree that a "
            "uniform is appropriate.")

    cw.heading("ARTICLE VI. DE-ESCALATION RESOURCES", 1)
    cw.para(f"6.1 By September 15 of each school year, the District{A}s Director of Student Services will brief "
            f"each SRO on the resources available to District staff for de-escalating conflicts, including the "
            f"building crisis response team, the school social workers and the restorative mediation program, "
            f"and will give the SRO the current contact list.")
    cw.para(f"6.2 Nothing in this Article changes Section{NBSP}4.2.")

    cw.heading("ARTICLE VII. DATA PRACTICES", 1)
    cw.para("7.1 Policies and procedures. Each party shall maintain and follow written data practices policies "
            "and procedures, and shall designate a data practices compliance official to answer questions under "
            "this Article. The District shall keep a record of each disclosure it makes under Sections 7.2 and 7.3.")
    cw.para("7.2 Education records the District may share with the Department, and why:")
    cw.literal_list([
        "directory information for which no opt-out is on file, so that officers can reach a student or parent "
        "who is a witness or victim in a case;",
        f"information disclosed in a health or safety emergency under 34 C.F.R. {S}99.36, to protect the health "
        f"or safety of the student or others; and",
        "records named in a court order or lawfully issued subpoena, to comply with that order or subpoena.",
    ], labels="i", pattern="({})")
    cw.para("7.3 Education records the District may share with the SRO, and why:")
    cw.literal_list([
        "class schedules and building rosters, to locate a student quickly during an emergency;",
        f"records of the District{A}s threat assessment team, to take part in the team{A}s work; and",
        "emergency contact information, to reach a parent when a student is injured or taken into custody.",
    ], labels="i", pattern="({})")
    cw.para(["7.4 Law enforcement records. Student and parent data held in the Department", f"{A}s law "
             "enforcement records fall under the Department", f"{A}s data practices policy and under the Minnesota "
             "Government Data Practices Act, Minnesota Statutes chapter 13, together with the rules adopted under "
             "it.", Foot("Minnesota Rules, parts 1205.0100 to 1205.2000.")])

    cw.heading("ARTICLE VIII. COMPENSATION", 1)
    cw.para("8.1 The District shall pay the City 70 percent of the wages and benefits of each SRO for 180 School "
            "Days, invoiced in two installments on December 15 and June 15.")
    cw.heading("ARTICLE IX. EMPLOYMENT STATUS", 1)
    cw.para("9.1 Each SRO stays on the City payroll and under the command of the Chief of Police.")
    cw.heading("ARTICLE X. TERMINATION", 1)
    cw.para("10.1 Either party may terminate this Agreement on 90 days' written notice to the other.")
    cw.para("The parties sign this Agreement by their authorized officers on the dates shown below.")
    cw.signature_block([("CITY OF ALDERBROOK", ["Mayor", "City Administrator"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2311", ["Chair, School Board", "Clerk, School Board"])])
    return cw.save(path)


ALDERBROOK = fixture(
    "alderbrook_isd2311_whereas_articles",
    "Classic WHEREAS recitals and numbered ARTICLES under real Heading styles; duties as a real Word-numbered "
    "(a)-(g) list; MGDPA rules cited only in a footnote; no-break spaces in section cites.",
    build_alderbrook,
    {
        "PARTIES": ("present", 'City and school district: "CITY OF ALDERBROOK" and "INDEPENDENT SCHOOL DISTRICT NO. 2311".'),
        "DUTIES-DEFINED": ("present", 'Section 4.1: "the SRO’s duties under this Agreement are:" followed by a numbered list.'),
        "SUBD2-A1": ("present", 'Duty (a): "cultivating a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("present", 'Duty (b): "protecting students, staff and visitors to school grounds from criminal activity".'),
        "SUBD2-A3": ("present", 'Duty (c): "acting as the liaison from the Department to the principals and other school officials".'),
        "SUBD2-A4": ("present", 'Duty (d): "providing advice to administrators on lockdown, evacuation and other safety drills".'),
        "SUBD2-A5": ("present", 'Duty (e): "identifying vulnerabilities in school facilities and safety protocols".'),
        "SUBD2-A6": ("present", 'Duty (f): "educating and advising students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", 'Duty (g): "enforcing criminal laws."'),
        "FORCE-SCHOOL-RULES": ("present", 'Section 4.2 restates subd. 2(c): "shall not use force or the authority of the office of a peace officer solely to enforce school rules or policies".'),
        "ADDITIONAL-DUTIES": ("missing", 'Silent on additional duties; Section 4.4 is non-school-day work (Order 417.10), not an additional duty.'),
        "ATTIRE": ("present", 'Mutual policy tied to climate: "the City and the District have mutually agreed that SROs will ordinarily wear plain clothes".'),
        "VETTING": ("present", 'Selection: "the District’s Director of Safety and the principal of the assigned school each hold a seat"; retention: "the Superintendent may ask the Chief in writing to reassign the SRO".'),
        "DEESCALATION-RESOURCES": ("present", '"will brief each SRO on the resources available to District staff for de-escalating conflicts".'),
        "DATA-PRACTICES": ("present", '"Each party shall maintain and follow written data practices policies and procedures".'),
        "DATA-RECORDS": ("present", 'Both audiences with categories: "Education records the District may share with the Department" and "Education records the District may share with the SRO".'),
        "DATA-PURPOSES": ("present", 'Each category has a purpose, e.g. "so that officers can reach a student or parent who is a witness or victim in a case" and "to locate a student quickly during an emergency".'),
        "DATA-MGDPA": ("present", 'Policy and ch. 13 in the body ("fall under the Department’s data practices policy and under the Minnesota Government Data Practices Act, Minnesota Statutes chapter 13"), the rules in a footnote: "Minnesota Rules, parts 1205.0100 to 1205.2000."'),
    },
)


# =============================================================================== 2. plain language Q&A
def build_fenwick(path: Path) -> Path:
    cw = ContractWriter(title="School Resource Officer Agreement", author="Fenwick Lake Police Department",
                        base_font="Calibri")
    cw.heading(f"Our School Resource Officer Agreement {ENDASH} in Plain Language", 1)
    cw.para(I(f"Fenwick Lake Police Department and Fenwick Lake Area Schools {EMDASH} school years 2025{ENDASH}26 "
              f"and 2026{ENDASH}27"))
    cw.heading("Who is making this agreement?", 2)
    cw.para(f"The City of Fenwick Lake ({q('the City')}), which employs the officer through its Police "
            f"Department, and Independent School District No. 2790, Fenwick Lake Area Schools ({q('the District')}). "
            f"In this agreement, {q('the officer')} means the school resource officer the City assigns to Fenwick "
            f"Lake High School.")
    cw.heading("Why do we have it?", 2)
    cw.para(f"We want every student to feel safe at school and to know a police officer they can trust. Minnesota "
            f"law ({S}626.8482) says what a school resource officer does, and this agreement puts that in writing.")
    cw.heading("What will the officer do?", 2)
    cw.para("During the school day, the officer will:")
    cw.numbered([
        "help make the school climate a positive one by getting to know students and staff and talking with "
        "them openly;",
        "protect students, staff and visitors at school from criminal activity;",
        f"be the Police Department{A}s liaison to principals and other school officials;",
        "advise the District on its safety drills;",
        "look for vulnerabilities in school buildings and in safety protocols, and tell the District what the "
        "officer finds;",
        "teach students about laws that affect young people; and",
        "enforce criminal laws.",
    ], fmt="bullet")
    cw.heading(f"What won{A}t the officer do?", 2)
    cw.para(f"The officer won{A}t enforce the dress code, cell-phone rules, hall-pass rules or any other school rule, "
            f"and won{A}t take part in disciplining students. The officer won{A}t use force or police authority "
            f"just to make a student follow a school rule or policy. School staff handle those things.")
    cw.heading("Does the officer have any other duties?", 2)
    cw.para(f"No. The District hasn{A}t asked for any additional duties under Minnesota Statutes, section 626.8482, "
            f"subdivision 2(b). When school is out, the officer works a regular Police Department shift.")
    cw.heading("What will the officer wear?", 2)
    cw.para(["The City and the District agreed that the officer will wear ",
             SdtInline("a navy school polo with the Department badge, and the duty belt,", tag="attire_choice"),
             " because we both believe it makes the officer easier to approach and helps students talk openly "
             "with the officer."])
    cw.heading("Who chooses the officer?", 2)
    cw.para(f"The Police Chief picks the officer. Before the Chief decides, the Superintendent (or someone the "
            f"Superintendent names) may sit on the interview panel and share the District{A}s view of each "
            f"candidate. The officer stays a City employee, and the Chief supervises and evaluates the officer.")
    cw.heading("How will the officer handle conflicts?", 2)
    cw.para("The officer will use de-escalation techniques first and will try to calm a situation before using "
            "any physical force.")
    cw.heading("What student information can the officer see?", 2)
    cw.para(f"Each of us follows our own written data practices policies and procedures. The District{A}s records "
            f"manager and the Police Department{A}s records supervisor answer questions and keep a log of what "
            f"is shared.")
    cw.para("The District may share these education records with the officer, and only for these reasons:")
    cw.numbered([
        "class schedules and locker assignments, so the officer can find a student quickly in an emergency;",
        f"information from the District{A}s threat assessment team, so the officer can help carry out a "
        f"student{A}s safety plan; and",
        "a parent’s emergency contact details, so the officer can reach the family if a student is hurt.",
    ], fmt="bullet")
    cw.para("Student information the officer receives is protected under the federal Family Educational Rights "
            "and Privacy Act (FERPA).")
    cw.heading("How long does this last, and who pays?", 2)
    cw.para(f"From August 25, 2025, through June 11, 2027. The District pays the City $58,400 each school year, "
            f"in two equal payments. Either of us can end the agreement with 60 days{A} written notice.")
    cw.heading("Signatures", 2)
    cw.signature_block([("City of Fenwick Lake", ["Mayor"]),
                        ("Independent School District No. 2790", ["School Board Chair"])])
    return cw.save(path)


FENWICK = fixture(
    "fenwick_lake_isd2790_plain_qa",
    "Plain-language agreement with question headings (\u201cWhat will the officer do?\u201d), bullet lists with "
    "real Word numbering, curly apostrophes, attire wording in an inline content control.",
    build_fenwick,
    {
        "PARTIES": ("present", '"The City of Fenwick Lake" and "Independent School District No. 2790".'),
        "DUTIES-DEFINED": ("present", 'Under "What will the officer do?": "During the school day, the officer will:" and seven bullets.'),
        "SUBD2-A1": ("present", 'Paraphrase with all three elements (climate, relationships, open communication): "help make the school climate a positive one by getting to know students and staff and talking with them openly".'),
        "SUBD2-A2": ("present", '"protect students, staff and visitors at school from criminal activity".'),
        "SUBD2-A3": ("present", '"be the Police Department’s liaison to principals and other school officials".'),
        "SUBD2-A4": ("present", '"advise the District on its safety drills".'),
        "SUBD2-A5": ("present", '"look for vulnerabilities in school buildings and in safety protocols".'),
        "SUBD2-A6": ("partial", '"teach students about laws that affect young people": students only; staff and advising dropped.'),
        "SUBD2-A7": ("present", '"enforce criminal laws."'),
        "FORCE-SCHOOL-RULES": ("present", 'Negation naming school rules is compliant: "The officer won’t enforce the dress code, cell-phone rules" and "won’t use force or police authority just to make a student follow a school rule or policy".'),
        "ADDITIONAL-DUTIES": ("present", 'Express none: "The District hasn’t asked for any additional duties".'),
        "ATTIRE": ("present", 'Mutual and tied to approachability/open talk: "The City and the District agreed that the officer will wear" (item in an inline content control) "helps students talk openly with the officer".'),
        "VETTING": ("partial", 'Selection only: "may sit on the interview panel and share the District’s view of each candidate"; nothing on retention or removal.'),
        "DEESCALATION-RESOURCES": ("missing", 'Only officer conduct ("The officer will use de-escalation techniques first"); nothing on informing the officer of District resources.'),
        "DATA-PRACTICES": ("present", '"Each of us follows our own written data practices policies and procedures." with contacts and a log.'),
        "DATA-RECORDS": ("partial", 'One audience only: "The District may share these education records with the officer"; nothing for the Police Department generally.'),
        "DATA-PURPOSES": ("present", 'Each category has a purpose, e.g. "so the officer can find a student quickly in an emergency".'),
        "DATA-MGDPA": ("partial", 'FERPA alone: "protected under the federal Family Educational Rights and Privacy Act (FERPA)"; no agency policy, ch. 13 or rules.'),
    },
)


# =============================================================================== 3. terse JPA
def build_marrow(path: Path) -> Path:
    cw = ContractWriter(title="Joint Powers Agreement - SRO", author="Marrow Falls City Clerk", base_size=10)
    cw.fake_heading("JOINT POWERS AGREEMENT")
    cw.fake_heading("SCHOOL RESOURCE OFFICER")
    cw.para(f"The City of Marrow Falls ({q('City')}) and Independent School District No. 2044 ({q('District')}) "
            f"enter this Agreement under Minn.{NBSP}Stat. {S}471.59.")
    cw.fake_heading("1. Purpose.")
    cw.para("1.1 The City will provide one SRO to Marrow Falls Secondary School.")
    cw.fake_heading("2. Term.")
    cw.para("2.1 September 1, 2025 to August 31, 2026. Renews for one-year terms absent written notice by May 1.")
    cw.fake_heading("3. SRO Duties.")
    cw.para("3.1 SRO means a licensed City peace officer assigned to the school during the regular instructional day.")
    cw.para("3.2 SRO duties:")
    cw.literal_list([
        "fostering a positive school climate through relationship building and open communication;",
        "protecting persons and property on school grounds;",
        "serving as liaison from law enforcement to school officials;",
        "providing advice on safety drills;",
        "identifying vulnerabilities in school facilities and safety protocols;",
        "educating and advising students and staff on law enforcement topics;",
        "enforcement of criminal laws;",
        "such other duties as the District may request.",
    ], labels="1", pattern="({})", indent_pt=24)
    cw.para("3.3 SRO attire per Department policy.")
    cw.fake_heading("4. Personnel.")
    cw.para("4.1 The Chief selects the SRO in consultation with the Superintendent.")
    cw.para("4.2 The Superintendent may request reassignment of the SRO by written notice stating reasons. The "
            "Chief will act on the request within 30 days.")
    cw.para("4.3 The SRO remains a City employee for all purposes.")
    cw.fake_heading("5. Cost.")
    cw.para(f"5.1 District reimburses City 75% of SRO wages and benefits for 176 student contact days. City "
            f"invoices December 1 and May 1. District may use {S}126C.44 levy proceeds.")
    cw.fake_heading("6. Data.")
    cw.para("6.1 The parties shall comply with applicable law regarding data.")
    cw.fake_heading("7. Liability.")
    cw.para(f"7.1 Each party is responsible for its own acts and the results thereof, subject to Minn.{NBSP}Stat. "
            f"{S}471.59, subd. 1a and chapter 466.")
    cw.fake_heading("8. Termination.")
    cw.para("8.1 Either party on 90 days' written notice.")
    cw.signature_block([("CITY OF MARROW FALLS", ["Mayor", "City Clerk"]),
                        ("ISD NO. 2044", ["Board Chair", "Board Clerk"])])
    return cw.save(path)


MARROW = fixture(
    "marrow_falls_isd2044_terse_jpa",
    "Terse municipal joint powers agreement under § 471.59, typed section numbers, fake headings (bold all-caps "
    "Normal paragraphs), literal (1)-(8) duty list ending open-ended.",
    build_marrow,
    {
        "PARTIES": ("present", 'A city and a school district may use a JPA: "The City of Marrow Falls" and "Independent School District No. 2044".'),
        "DUTIES-DEFINED": ("present", 'Section 3.2 "SRO duties:" with a typed list.'),
        "SUBD2-A1": ("present", '"fostering a positive school climate through relationship building and open communication".'),
        "SUBD2-A2": ("partial", '"protecting persons and property on school grounds": persons without the words ‘from criminal activity’.'),
        "SUBD2-A3": ("present", '"serving as liaison from law enforcement to school officials".'),
        "SUBD2-A4": ("present", '"providing advice on safety drills".'),
        "SUBD2-A5": ("present", '"identifying vulnerabilities in school facilities and safety protocols".'),
        "SUBD2-A6": ("present", '"educating and advising students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", '"enforcement of criminal laws".'),
        "FORCE-SCHOOL-RULES": ("missing", 'No restatement of subd. 2(c) and no school-rule duty; silence.'),
        "ADDITIONAL-DUTIES": ("violation", 'Open-ended: "such other duties as the District may request."'),
        "ATTIRE": ("partial", 'Set by the agency alone: "SRO attire per Department policy."'),
        "VETTING": ("present", 'Selection: "The Chief selects the SRO in consultation with the Superintendent."; retention: "The Superintendent may request reassignment of the SRO".'),
        "DEESCALATION-RESOURCES": ("missing", 'Nothing on de-escalation resources.'),
        "DATA-PRACTICES": ("partial", 'One generic line: "The parties shall comply with applicable law regarding data."'),
        "DATA-RECORDS": ("missing", 'No education records identified.'),
        "DATA-PURPOSES": ("missing", 'No purposes stated.'),
        "DATA-MGDPA": ("missing", 'No agency policy, chapter 13 or Minn. R. 1205 reference.'),
    },
)


# =============================================================================== 4. county MOU
def build_pellham(path: Path) -> Path:
    cw = ContractWriter(title="Memorandum of Understanding - School Resource Deputy", author="Pellham County Attorney")
    cw.title_block("MEMORANDUM OF UNDERSTANDING", "School Resource Deputy Services",
                   "Pellham County and Independent School District No. 2580 (Lac Verne Public Schools)")
    cw.para(f"This Memorandum of Understanding ({q('MOU')}) is between Pellham County, a political subdivision of "
            f"the State of Minnesota, acting through the Pellham County Sheriff{A}s Office ({q('the County')}), "
            f"and Independent School District No. 2580 ({q('the District')}).")
    cw.heading("I. Background", 1)
    cw.para(f"The County has provided a school resource deputy to Lac Verne High School since 2012. The parties "
            f"enter this MOU to restate the program in light of Minn.{NBSP}Stat. {S}626.8482 and Sheriff{A}s "
            f"Office Policy 417.")
    cw.heading("II. Understandings of the Parties", 1)
    cw.para(f"A school resource deputy ({q('Deputy')}) is a licensed deputy sheriff assigned to a District school "
            f"during the regular instructional day as one of the deputy{A}s regular responsibilities. The Deputy "
            f"is at all times an employee of the County.")
    cw.heading("III. The County Will", 1)
    cw.para("A. Assign one Deputy to Lac Verne High School for the school year.")
    cw.para(f"B. Ensure that the Deputy{A}s duties under this MOU are to:")
    cw.numbered([
        "foster a positive school climate by building relationships and maintaining open communication with "
        "students, families and staff;",
        "protect students, staff and visitors on District grounds from criminal activity;",
        f"serve as a liaison by sharing information about students of concern with Sheriff{A}s Office investigators;",
        "advise building administrators on the design and conduct of safety drills;",
        f"identify vulnerabilities in school facilities and safety protocols and report them to the District{A}s "
        f"safety coordinator;",
        "educate and advise students and staff on law enforcement topics; and",
        "enforce criminal laws.",
    ], fmt="decimal", text="%1.")
    cw.para("C. Ensure that the Deputy does not use force or the authority of the office solely to enforce school "
            "rules or policies and does not take part in student discipline for school-rule violations.")
    cw.para(f"D. Additional duties. Under {S}626.8482, subd. 2(b), the District also contracts for one additional "
            f"duty: the Deputy will present at the District{A}s spring safety fair for families. There are no "
            f"other additional duties.")
    cw.para(f"E. Attire. The parties agree that the Deputy will wear a modified uniform {ENDASH} Sheriff{A}s Office "
            f"polo shirt and khaki trousers {ENDASH} during the school day, in the interest of a welcoming school "
            f"climate, positive relationships with students and open communication.")
    cw.heading("IV. The District Will", 1)
    cw.para(f"A. Take part in the selection of the Deputy: the Superintendent{A}s designee sits on the Sheriff{A}s "
            f"oral board for every candidate.")
    cw.para("B. Tell the Sheriff of any concern about the Deputy. The District may ask the Sheriff in writing to "
            "replace the Deputy; the Sheriff will consider the request in good faith and respond within 15 "
            "school days.")
    cw.para(f"C. Give the Deputy, at the start of each semester, a written summary of District de-escalation "
            f"resources {ENDASH} the crisis intervention team, school counselors and peer mediation {ENDASH} and "
            f"invite the Deputy to the crisis team{A}s training.")
    cw.heading("V. Information Sharing", 1)
    cw.para(f"A. Each party will follow its written data practices policies and procedures. Requests for "
            f"educational data go in writing to the District{A}s data practices designee, who keeps a record of "
            f"each release.")
    cw.para(f"B. The District may disclose to the Sheriff{A}s Office directory information and records named in "
            f"a subpoena or court order. The District may disclose to the Deputy attendance-area rosters and "
            f"emergency contact records. All such disclosures are for law enforcement purposes.")
    cw.para(f"C. The Sheriff{A}s Office{A}s law enforcement records containing student and parent data are governed "
            f"by its data practices policy, Minn.{NBSP}Stat. ch. 13 (including {S}13.82) and Minn.{NBSP}R. "
            f"1205.0100 through 1205.2000.")
    cw.heading("VI. Cost", 1)
    cw.para("The District will pay the County $71,250 for the 2025-2026 school year, invoiced quarterly.")
    cw.heading("VII. Duration", 1)
    cw.para(f"This MOU is effective August 20, 2025, and ends June 30, 2026, unless extended by written amendment. "
            f"Either party may end it on 30 days{A} written notice.")
    cw.signature_block([("PELLHAM COUNTY", ["Chair, Board of Commissioners", "Sheriff"]),
                        ("INDEPENDENT SCHOOL DISTRICT NO. 2580", ["Board Chair", "Superintendent"])])
    return cw.save(path)


PELLHAM = fixture(
    "pellham_county_isd2580_mou",
    "County-district memorandum of understanding (\u201cThe County Will / The District Will\u201d), school "
    "resource deputy vocabulary, decimal Word numbering, a liaison duty pointing the wrong way.",
    build_pellham,
    {
        "PARTIES": ("present", 'The County is the employer: "Pellham County, a political subdivision of the State of Minnesota, acting through the Pellham County Sheriff’s Office".'),
        "DUTIES-DEFINED": ("present", '"Ensure that the Deputy’s duties under this MOU are to:" and a numbered list.'),
        "SUBD2-A1": ("present", '"foster a positive school climate by building relationships and maintaining open communication".'),
        "SUBD2-A2": ("present", '"protect students, staff and visitors on District grounds from criminal activity".'),
        "SUBD2-A3": ("missing", 'The only "liaison" passes student information to police ("serve as a liaison by sharing information about students of concern with Sheriff’s Office investigators"), which is not the law-enforcement-to-school-officials liaison.'),
        "SUBD2-A4": ("present", '"advise building administrators on the design and conduct of safety drills".'),
        "SUBD2-A5": ("present", '"identify vulnerabilities in school facilities and safety protocols".'),
        "SUBD2-A6": ("present", '"educate and advise students and staff on law enforcement topics".'),
        "SUBD2-A7": ("present", '"enforce criminal laws."'),
        "FORCE-SCHOOL-RULES": ("present", '"does not use force or the authority of the office solely to enforce school rules or policies".'),
        "ADDITIONAL-DUTIES": ("present", 'Named lawful extra duty and a closed list: "the District also contracts for one additional duty" and "There are no other additional duties."'),
        "ATTIRE": ("present", '"The parties agree that the Deputy will wear a modified uniform", tied to climate, relationships and open communication.'),
        "VETTING": ("present", 'Selection: "the Superintendent’s designee sits on the Sheriff’s oral board"; retention: "The District may ask the Sheriff in writing to replace the Deputy".'),
        "DEESCALATION-RESOURCES": ("present", '"a written summary of District de-escalation resources".'),
        "DATA-PRACTICES": ("present", '"Each party will follow its written data practices policies and procedures." with a request procedure and a release record.'),
        "DATA-RECORDS": ("present", 'Both audiences with categories: "The District may disclose to the Sheriff’s Office directory information" and "The District may disclose to the Deputy attendance-area rosters".'),
        "DATA-PURPOSES": ("partial", 'Vague: "All such disclosures are for law enforcement purposes."'),
        "DATA-MGDPA": ("present", '"governed by its data practices policy, Minn. Stat. ch. 13 (including § 13.82) and Minn. R. 1205.0100 through 1205.2000".'),
    },
)


# =============================================================================== 5. county-charter services
def build_kestrel(path: Path) -> Path:
    cw = ContractWriter(title="Contract for School Resource Officer Services", author="Ashby County Attorney")
    cw.fake_heading("Contract for School Resource Officer Services", caps_property=True)
    cw.para(f"This contract is between the County of Ashby, by and through the Ashby County Sheriff{A}s Office "
            f"({q('County')}), and Kestrel Ridge Academy, a Minnesota public charter school operated by Kestrel "
            f"Ridge Academy, Inc., a Minnesota nonprofit corporation, acting through its board of directors "
            f"({q('School')}).")
    cw.para(f"The parties intend a services contract: neither of them exercises powers jointly under Minn.{NBSP}Stat. "
            f"{S}471.59, and the School’s authorizer is not a party.")
    cw.fake_heading("Section 1. Term", caps_property=True)
    cw.para("The contract runs from August 18, 2025, to June 30, 2026.")
    cw.fake_heading("Section 2. Payment", caps_property=True)
    cw.para(f"The School will pay the County $38.75 per hour for time the SRO spends at the School, up to $52,000, "
            f"from its general fund. The County will invoice monthly with a statement of hours.")
    cw.fake_heading("Section 3. The SRO", caps_property=True)
    cw.para(f"The County will assign one licensed deputy sheriff as school resource officer ({q('SRO')}). The "
            f"Sheriff selects the deputy. The SRO remains a County employee.")
    cw.para("The School’s Executive Director may ask the Sheriff at any time, in writing, to remove the SRO from "
            "the assignment, and the Sheriff will do so within 20 days.")
    cw.fake_heading("Section 4. Scope of Services", caps_property=True)
    cw.para("The SRO will perform the following duties at the School:")
    cw.literal_list([
        "Fostering a positive school climate through relationship building and open communication.",
        "Protecting students, staff and visitors to the School’s grounds from criminal activity.",
        "Serving as liaison from the Sheriff’s Office to the School’s director and other school officials.",
        "Providing advice on safety drills, including the School’s lockdown and reunification drills.",
        "Identifying vulnerabilities in the School’s facilities and safety protocols.",
        "Educating and advising students and staff on law enforcement topics.",
        "Enforcement of criminal laws.",
    ], labels="A", pattern="{}.")
    cw.fake_heading("Section 5. School Rules", caps_property=True)
    cw.para(f"Consistent with Minn.{NBSP}Stat. {S}626.8482, subd. 2(c), the SRO has no role in enforcing the "
            f"School{A}s code of conduct and will not use force or a deputy{A}s authority solely to enforce School "
            f"rules or policies.")
    cw.fake_heading("Section 6. Attire", caps_property=True)
    cw.para("The County and the School have jointly adopted the following attire policy: the SRO will wear "
            "civilian attire (business casual with the Sheriff’s Office badge displayed) because both parties "
            "believe civilian attire better supports a positive school climate, relationships with students and "
            "open communication.")
    cw.fake_heading("Section 7. De-escalation Resources", caps_property=True)
    cw.para(f"Within two weeks after the SRO starts, the School{A}s Dean of Students will meet with the SRO to "
            f"explain the de-escalation supports the School{A}s staff rely on {EMDASH} its student support team, "
            f"the restorative circle process and its contract crisis counselor {EMDASH} and will tell the SRO in "
            f"writing of any change.")
    cw.fake_heading("Section 8. Data Practices", caps_property=True)
    cw.para("8.1 Each party will keep and follow written data practices policies and procedures, and will give "
            "a copy to the other party on request. The School’s director of operations is its contact for "
            "requests under this Section.")
    cw.para(f"8.2 For the Sheriff{A}s Office, the School may release: directory information, to find a witness, "
            f"victim or parent a deputy needs to speak with; and records named in a subpoena or court order, to "
            f"comply with it.")
    cw.para(f"8.3 For the SRO, the School may release: the daily attendance roster, to account for every "
            f"student during an evacuation or lockdown; and individual student safety plans, so the SRO can "
            f"follow a plan the School has adopted.")
    cw.textbox(
        "8.4 Law enforcement records. Student and parent data in the Sheriff’s Office’s own law enforcement "
        "records are subject to the Sheriff’s Office data practices policy, to Minnesota Statutes chapter 13 (the "
        "Minnesota Government Data Practices Act) and to Minnesota Rules, parts 1205.0100–1205.2000.",
    )
    cw.fake_heading("Section 9. Termination", caps_property=True)
    cw.para("Either party may end this contract on 45 days’ written notice.")
    cw.signature_block([("COUNTY OF ASHBY", ["Chair, County Board", "Sheriff"]),
                        ("KESTREL RIDGE ACADEMY", ["Chair, Board of Directors"])])
    return cw.save(path)


KESTREL = fixture(
    "ashby_county_kestrel_ridge_charter_services",
    "County-charter-school contract for services signed by the school's board of directors; fake headings "
    "shown in capitals by the w:caps run property; duties A.-G. typed; law-enforcement-records clause in a text box.",
    build_kestrel,
    {
        "PARTIES": ("present", 'County and charter school by services contract: "Kestrel Ridge Academy, a Minnesota public charter school" "acting through its board of directors"; "The parties intend a services contract".'),
        "DUTIES-DEFINED": ("present", '"The SRO will perform the following duties at the School:" with items A-G.'),
        "SUBD2-A1": ("present", '"Fostering a positive school climate through relationship building and open communication."'),
        "SUBD2-A2": ("present", '"Protecting students, staff and visitors to the School’s grounds from criminal activity."'),
        "SUBD2-A3": ("present", '"Serving as liaison from the Sheriff’s Office to the School’s director and other school officials."'),
        "SUBD2-A4": ("present", '"Providing advice on safety drills".'),
        "SUBD2-A5": ("present", '"Identifying vulnerabilities in the School’s facilities and safety protocols."'),
        "SUBD2-A6": ("present", '"Educating and advising students and staff on law enforcement topics."'),
        "SUBD2-A7": ("present", '"Enforcement of criminal laws."'),
        "FORCE-SCHOOL-RULES": ("present", '"the SRO has no role in enforcing the School’s code of conduct and will not use force or a deputy’s authority solely to enforce School rules or policies".'),
        "ADDITIONAL-DUTIES": ("missing", 'Silent on additional duties.'),
        "ATTIRE": ("present", '"The County and the School have jointly adopted the following attire policy: the SRO will wear civilian attire".'),
        "VETTING": ("partial", 'Removal only ("may ask the Sheriff at any time, in writing, to remove the SRO"); "The Sheriff selects the deputy." gives the School no selection or vetting role.'),
        "DEESCALATION-RESOURCES": ("present", '"will meet with the SRO to explain the de-escalation supports the School’s staff rely on".'),
        "DATA-PRACTICES": ("present", '"Each party will keep and follow written data practices policies and procedures".'),
        "DATA-RECORDS": ("present", 'Both audiences: "For the Sheriff’s Office, the School may release:" and "For the SRO, the School may release:".'),
        "DATA-PURPOSES": ("present", 'Per-category purposes, e.g. "to find a witness, victim or parent a deputy needs to speak with" and "to account for every student during an evacuation or lockdown".'),
        "DATA-MGDPA": ("present", 'Text box: "are subject to the Sheriff’s Office data practices policy, to Minnesota Statutes chapter 13 (the Minnesota Government Data Practices Act) and to Minnesota Rules, parts 1205.0100–1205.2000".'),
    },
)

FIXTURES_A = [ALDERBROOK, FENWICK, MARROW, PELLHAM, KESTREL]
