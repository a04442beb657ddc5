"""End-to-end extraction on invented news text: one case per kind the core issue lists.

Each case gives the text and the expected records as (quote, speaker, cue, type);
quote is the exact content, speaker the resolved name (None when nobody is named).
"""

import pytest

import saidwhat

CASES = {
    "inverted_cue": (
        "“The harbour will stay closed until Friday,” said port director Lina Varga.",
        [("The harbour will stay closed until Friday,", "Lina Varga", "said", "direct")]),
    "subject_cue_with_channel": (
        "“We have no plans to sell the ferry,” Mayor Tom Okafor said in a statement on Facebook.",
        [("We have no plans to sell the ferry,", "Tom Okafor", "said", "direct")]),
    "interrupted_quote_shares_cue": (
        "“The budget is tight,” Priya Nair said, “but the clinic stays open.”",
        [("The budget is tight,", "Priya Nair", "said", "direct"),
         ("but the clinic stays open.", "Priya Nair", "said", "direct")]),
    "colon_lead_in": (
        "Health Minister Carl Breen said: “Every patient will be seen within a week.”",
        [("Every patient will be seen within a week.", "Carl Breen", "said", "direct")]),
    "pronoun_after_name": (
        "Rescue diver Hanna Lind spent six hours in the water. She said: “The current was stronger than "
        "anything I have felt.”",
        [("The current was stronger than anything I have felt.", "Hanna Lind", "said", "direct")]),
    "added_after_quote_by_x": (
        "“The dam held,” engineer Marek Nowak said. “We were lucky this time,” he added.",
        [("The dam held,", "Marek Nowak", "said", "direct"),
         ("We were lucky this time,", "Marek Nowak", "added", "direct")]),
    "surname_resolves_to_full_name": (
        "Councillor Joan Abara opposed the plan. “It helps nobody who lives here,” Abara said.",
        [("It helps nobody who lives here,", "Joan Abara", "said", "direct")]),
    "indirect_that": (
        "Fire chief Ruth Mendel said that the blaze had been started deliberately.",
        [("that the blaze had been started deliberately", "Ruth Mendel", "said", "indirect")]),
    "indirect_no_that": (
        "Coach Dan Pryce said his players were exhausted after the final.",
        [("his players were exhausted after the final", "Dan Pryce", "said", "indirect")]),
    "according_to": (
        "According to the Riverside Water Board, the reservoir is at 40 per cent of capacity.",
        [("the reservoir is at 40 per cent of capacity", "Riverside Water Board", "According to", "indirect")]),
    "mixed": (
        "Opposition leader Sara Quint wrote on Twitter that the bill “punishes the poorest families.”",
        [("that the bill “punishes the poorest families.”", "Sara Quint", "wrote", "mixed")]),
    "present_tense_says": (
        "“Nobody reads the small print,” says consumer advocate Ivo Marsh.",
        [("Nobody reads the small print,", "Ivo Marsh", "says", "direct")]),
    "participial_cue": (
        "Union leader Ada Brook criticised the deal, saying it “ignores every nurse in the region.”",
        [("it “ignores every nurse in the region.”", "Ada Brook", "saying", "mixed")]),
    "dash_attribution": (
        "“Our trains will run every ten minutes by spring.” — Transit Commissioner Leo Hart",
        [("Our trains will run every ten minutes by spring.", "Leo Hart", "—", "direct")]),
    "organisation_description": (
        "The Coastal Trust published its survey on Monday. “Seabird numbers fell by a third,” "
        "the charity said.",
        [("Seabird numbers fell by a third,", "Coastal Trust", "said", "direct")]),
    "it_said_for_organisation": (
        "Northway Rail apologised for the delays. “Engineers are working through the night,” it said.",
        [("Engineers are working through the night,", "Northway Rail", "said", "direct")]),
    "continuation_paragraph": (
        "“The school will reopen on Monday,” principal Aisha Bello said.\n\n"
        "“Parents should bring the signed forms to the front desk before classes begin.”",
        [("The school will reopen on Monday,", "Aisha Bello", "said", "direct"),
         ("Parents should bring the signed forms to the front desk before classes begin.", "Aisha Bello",
          None, "direct")]),
    "indefinite_speaker_is_not_named": (
        "“Where are we supposed to park now?” asked a resident.",
        [("Where are we supposed to park now?", None, "asked", "direct")]),
}

CASES.update({
    # a document speaks for its author: where it is published, and later as "the white paper"
    "document_on_a_website_then_the_white_paper": (
        "Northland Freight runs trains through the pass all winter.\n\n\"Snow is a fact of life in the "
        "mountains,\" says a document titled Winter Running on Northland Freight's website.\n\n"
        "The white paper said crews clear the tracks every four hours.",
        [("Snow is a fact of life in the mountains,", "Northland Freight", "says", "direct"),
         ("crews clear the tracks every four hours", "Northland Freight", "said", "indirect")]),
    # "the licence board decision allowing her appeal said": the decision (the parser
    # makes "her appeal" a subject), which speaks for the board; "It" then is the board
    "board_decision_speaks_for_the_board": (
        "Marta Quill was denied a licence in 2015 by the Fishing Licence Board of Nova Scotia.\n\n"
        "Last week the licence board decision allowing her appeal said she had met every condition. "
        "It said the earlier ruling had been too strict.",
        [("she had met every condition", "Fishing Licence Board of Nova Scotia", "said", "indirect"),
         ("the earlier ruling had been too strict", "Fishing Licence Board of Nova Scotia", "said", "indirect")]),
    "the_statement_is_the_one_quoted_before": (
        "The Dairy Council said in a statement that milk is a source of calcium. Nutritionist Lena Park "
        "disagrees. The statement also said that cutting it from school menus would hurt children.",
        [("that milk is a source of calcium", "Dairy Council", "said", "indirect"),
         ("that cutting it from school menus would hurt children", "Dairy Council", "said", "indirect")]),
    "participle_after_a_reported_copula_is_the_reporters": (
        "Transit chief Ana Ruiz spoke after the vote. Councillor Omar Haddad said the message from riders "
        "is that fares are too high, noting that ridership fell last year.",
        [("the message from riders is that fares are too high", "Omar Haddad", "said", "indirect"),
         ("that ridership fell last year", "Omar Haddad", "noting", "indirect")]),
    # "Whitfield, he said, counts ...": the name is the reported clause's subject, so
    # "he" is someone else (binding principle C)
    "name_before_parenthetical_he_said_is_not_he": (
        "Senate leader Dan Whitfield has kept his caucus together for weeks.\n\n"
        "“It is a numbers game,” said Sen. Paul Ortega, D-Ore. Whitfield, he said, “counts every vote twice.”",
        [("It is a numbers game,", "Paul Ortega", "said", "direct"),
         ("counts every vote twice.", "Paul Ortega", "said", "direct")]),
    # NER calls the surname a place; the sentence leading into the quote names the speaker
    "he_after_a_lead_in_naming_a_mislabelled_surname": (
        "“The greens were fast today,” said golfer Ines Moreau.\n\n"
        "The celebrities play their own tournament on the same course.\n\n"
        "Asked whether pitching or putting is harder, Halloran didn't hesitate.\n\n"
        "“Putting, easily,” he said.",
        [("The greens were fast today,", "Ines Moreau", "said", "direct"),
         ("Putting, easily,", "Halloran", "said", "direct")]),
    # "For Ortiz, ..., he is ...": the narration binds "he" to Ortiz, not the last speaker
    "he_bound_in_the_narration_before_the_quote": (
        "“I print whatever artists bring me,” says shop owner Rafael Ortiz.\n\n"
        "“If Rafael closed, I would have nowhere to sell my work,” says illustrator Tomas Becker. For Ortiz, "
        "who has run the press for a decade, he is simply filling a gap. “Somebody has to print the small "
        "runs,” he says.",
        [("I print whatever artists bring me,", "Rafael Ortiz", "says", "direct"),
         ("If Rafael closed, I would have nowhere to sell my work,", "Tomas Becker", "says", "direct"),
         ("Somebody has to print the small runs,", "Rafael Ortiz", "says", "direct")]),
    "byte_order_mark_before_first_quote": (
        "\ufeff“We will rebuild,” Mayor Helena Brandt said.",
        [("We will rebuild,", "Helena Brandt", "said", "direct")]),
    "according_to_mid_sentence_gives_two_pieces": (
        "The hard truth, according to harbour pilots, is that the channel silts up every winter.",
        [("The hard truth", None, "according to", "indirect"),
         ("is that the channel silts up every winter", None, "according to", "indirect")]),
    "pull_quote_signed_by_name": (
        "Mayor Helena Brandt opened the new ferry terminal on Monday.\n\n"
        "We waited twenty years for a terminal that works in every kind of weather. Helena Brandt\n\n"
        "Brandt cut the ribbon at noon.",
        [("We waited twenty years for a terminal that works in every kind of weather", "Helena Brandt", None,
          "indirect")]),
    "embedded_post_signed_with_handle": (
        "Northway Rail cancelled all trains on Tuesday.\n\n"
        "Crews are clearing fallen trees from the line and service should resume tomorrow. "
        "pic.twitter.com/Ab12Cd — Northway Rail (@northwayrail) March 3, 2025\n\n"
        "Passengers were offered refunds.",
        [("Crews are clearing fallen trees from the line and service should resume tomorrow",
          "Northway Rail", None, "indirect")]),
    "inverted_reported_speech_with_name_after_cue": (
        "The ferry will not sail before Thursday, said Marta Quill, a spokeswoman for the port.",
        [("The ferry will not sail before Thursday", "Marta Quill", "said", "indirect")]),
    "coordinated_names_resolve_to_full_names": (
        "Nora Lindqvist and Omar Haddad met the mayor on Friday. Both Lindqvist and Haddad said they "
        "would keep the shelter open all winter.",
        [("they would keep the shelter open all winter", "Nora Lindqvist and Omar Haddad", "said", "indirect")]),
    "colon_lead_in_takes_the_nearest_subject": (
        "After a long meeting with Dana Holt, Ines Moreau went on the radio with this: "
        "“The north quay will reopen once the cranes are inspected.”",
        [("The north quay will reopen once the cranes are inspected.", "Ines Moreau", ":", "direct")]),
    "document_named_for_its_author": (
        "The Tidewater Institute published new figures on Monday. According to the Tidewater Institute "
        "study, most coastal towns lost residents in the past decade.",
        [("most coastal towns lost residents in the past decade", "Tidewater Institute", "According to",
          "indirect")]),
    "colon_on_an_earlier_line_only_for_a_quote_opening_its_paragraph": (
        "Also on the Harbour Gazette:\n\n"
        "“The tide charts were wrong for a week,” said Tomas Reyes. “Nobody checked them before printing.”",
        [("The tide charts were wrong for a week,", "Tomas Reyes", "said", "direct"),
         ("Nobody checked them before printing.", "Tomas Reyes", None, "direct")]),
    "naming_cue_with_object_predicate": (
        "Councillor Pete Rayner backed the tower at first. He now calls it a costly planning mistake.",
        [("a costly planning mistake", "Pete Rayner", "calls", "indirect")]),
    "naming_cue_with_as": (
        "Harbour police described the theft of the ferry as a well-planned inside job.",
        [("a well-planned inside job", None, "described", "indirect")]),
    "he_skips_an_organisation_quoted_in_between": (
        "“The harbour needs dredging this year,” port director Liam Ortega said.\n\n"
        "The Harbour Board said it would review the budget in March.\n\n"
        "“We cannot wait until spring,” he added.",
        [("The harbour needs dredging this year,", "Liam Ortega", "said", "direct"),
         ("it would review the budget in March", "Harbour Board", "said", "indirect"),
         ("We cannot wait until spring,", "Liam Ortega", "added", "direct")]),
    "participial_cue_ends_the_first_content": (
        "Port director Liam Ortega said the ferry would sail again on Friday, noting that the storm had "
        "passed overnight.",
        [("the ferry would sail again on Friday", "Liam Ortega", "said", "indirect"),
         ("that the storm had passed overnight", "Liam Ortega", "noting", "indirect")]),
    "parenthetical_cue_with_a_clause_after_it_gives_both_sides": (
        "Harbour master Ines Moreau spoke on Monday. But while some ferries run late in winter, Moreau "
        "said, for most routes the timetable still holds firm.",
        [("But while some ferries run late in winter", "Ines Moreau", "said", "indirect"),
         ("for most routes the timetable still holds firm", "Ines Moreau", "said", "indirect")]),
    "dateline_before_a_direct_quote": (
        'LONDON (Reuters) - "We will rebuild the harbour before winter," Mayor Jane Roe said.',
        [("We will rebuild the harbour before winter,", "Jane Roe", "said", "direct")]),
    "conjunction_before_a_direct_quote": (
        'Still, "we will rebuild the harbour before winter," Mayor Jane Roe said.',
        [("we will rebuild the harbour before winter,", "Jane Roe", "said", "direct")]),
    "marked_quote_signed_after_the_closing_mark": (
        "Mayor Jane Roe spoke first.\n\n“Every berth will be open by March.” Harbour master Tom Smith\n\n"
        "The meeting ended.",
        [("Every berth will be open by March.", "Tom Smith", None, "direct")]),
    "he_and_she_with_both_named": (
        "Jane Doe and John Roe argued. “It is wrong,” he said. “It is right,” she replied.",
        [("It is wrong,", "John Roe", "said", "direct"), ("It is right,", "Jane Doe", "replied", "direct")]),
    "given_name_gender_outranks_pronouns_about_someone_else": (
        "Sheriff Tom Reed said the search had ended. Jake Turner saw the girl at the bus stop and decided she "
        "would come along. Turner drove to her house twice, but she was never alone. "
        "He told detectives he had stolen the licence plates.",
        [("the search had ended", "Tom Reed", "said", "indirect"),
         ("he had stolen the licence plates", "Jake Turner", "told", "indirect")]),
    "he_after_a_paragraph_introducing_someone_new": (
        "Organizer Dan Pike said the rally was peaceful. “We came to be heard,” he said.\n\n"
        "The convoy picked up trucker Tom Hale in Medicine Hat on Saturday.\n\n"
        "“People here need their jobs back,” he said.",
        [("the rally was peaceful", "Dan Pike", "said", "indirect"),
         ("We came to be heard,", "Dan Pike", "said", "direct"),
         ("People here need their jobs back,", "Tom Hale", "said", "direct")]),
    "person_in_a_caption_led_by_its_credit_is_not_an_antecedent": (
        "Ann Lowe, a nurse, leads the Oakville branch. “We are short of staff,” she said.\n\n"
        "Paul Hart / The Canadian Press Ruth Kay, a retired teacher, reads a list of names at the memorial.\n\n"
        "The branch opened in 1990. “Every shift is a struggle,” she said.",
        [("We are short of staff,", "Ann Lowe", "said", "direct"),
         ("Every shift is a struggle,", "Ann Lowe", "said", "direct")]),
    "long_apposition_before_the_cue": (
        "“We have needed rivals as a spur,” Ada Roe, the firm’s founder and the engineer behind the region’s "
        "best-selling electric bus, said inside her workshop built on the site of a former paper mill.",
        [("We have needed rivals as a spur,", "Ada Roe", "said", "direct")]),
    "they_after_a_plural_noun_speaker": (
        "Mayor Lena Ortiz said the bridge would reopen in May.\n\n"
        "Engineers said the damage was minor. They said the repairs would cost little.",
        [("the bridge would reopen in May", "Lena Ortiz", "said", "indirect"),
         ("the damage was minor", None, "said", "indirect"),
         # the same unnamed group, not the mayor named before; a group is never a name
         ("the repairs would cost little", None, "said", "indirect")]),
    "she_after_a_one_word_name_ner_takes_for_an_organisation": (
        "Mayor Ana Prieto said 40 people had died.\n\n"
        "Nurul, a resident of the fishing village, was cooking when she heard the waves.\n\n"
        "“The water came in through the door and pulled me outside,” she said.",
        [("40 people had died", "Ana Prieto", "said", "indirect"),
         ("The water came in through the door and pulled me outside,", "Nurul", "said", "direct")]),
    "statement_read_is_a_cue": (
        "Labour Minister Rosa Demir cancelled the hearings on Saturday.\n\n"
        "“Every worker in this province deserves to be heard without fear,” her statement read.",
        [("Every worker in this province deserves to be heard without fear,", "Rosa Demir", "read", "direct")]),
    "coordinated_cue_ends_the_first_content": (
        "Councillor Ivo Marsh said “nobody knows what the plan will cost,” and added: "
        "“I promise you, the residents will be asked first.”",
        [("nobody knows what the plan will cost,", "Ivo Marsh", "said", "direct"),
         ("I promise you, the residents will be asked first.", "Ivo Marsh", "added", "direct")]),
    "two_apostrophe_marks_in_mixed_and_colon_quotes": (
        "Tom Bell said the bridge ''will reopen in May'' after repairs. Ann Roe said: ''Don't worry.''",
        [("the bridge ''will reopen in May'' after repairs", "Tom Bell", "said", "mixed"),
         ("Don't worry.", "Ann Roe", "said", "direct")]),
    "page_furniture_is_not_a_speaker": (
        "“We will rebuild the bridge before the winter comes,” Mayor Jane Roe said on Monday.\n\n"
        "Story continues below advertisement\n\n"
        "“It will take a year and cost a great deal of money.”",
        [("We will rebuild the bridge before the winter comes,", "Jane Roe", "said", "direct"),
         ("It will take a year and cost a great deal of money.", "Jane Roe", None, "direct")]),
    "description_of_another_kind_of_organisation_stays_unresolved": (
        "Acme Corp said it would bid for the contract to rebuild the bridge.\n\n"
        "The council said that it would decide on Friday. The company said it was ready.",
        [("it would bid for the contract to rebuild the bridge", "Acme Corp", "said", "indirect"),
         ("that it would decide on Friday", None, "said", "indirect"),
         ("it was ready", "Acme Corp", "said", "indirect")]),
    "she_after_a_name_the_lists_call_male": (
        "Patrice Moreau, director of the clinic, said waiting lists are growing.\n\n"
        "“Families wait for months,” she said.",
        [("waiting lists are growing", "Patrice Moreau", "said", "indirect"),
         ("Families wait for months,", "Patrice Moreau", "said", "direct")]),
    "person_in_a_photo_caption_is_not_an_antecedent": (
        "Ann Lowe, a nurse, leads the Oakville branch. “We are short of staff,” she said.\n\n"
        "Ruth Kay, a retired teacher, reads a list of names at the memorial in 2009. "
        "( THE CANADIAN PRESS FILE PHOTO )\n\n"
        "The branch opened in 1990. “Every shift is a struggle,” she said.",
        [("We are short of staff,", "Ann Lowe", "said", "direct"),
         ("Every shift is a struggle,", "Ann Lowe", "said", "direct")]),
    "complement_of_a_cue_in_a_relative_clause": (
        "The council blamed the flooding on drains that engineer Lara Voss said were never cleaned.",
        [("were never cleaned", "Lara Voss", "said", "indirect")]),
    "cue_with_its_own_subject_after_a_passive_clause": (
        "The trail is wooded, and Ada Quist said the hikers were able to hide in the dark.",
        [("the hikers were able to hide in the dark", "Ada Quist", "said", "indirect")]),
    "advising_cue_gives_its_to_infinitive": (
        "Northway Power reminded customers to keep their freezers closed during the outage. "
        "Fire chief Ruth Mendel advised campers never to leave a fire unattended.",
        [("to keep their freezers closed during the outage", "Northway Power", "reminded", "indirect"),
         ("never to leave a fire unattended", "Ruth Mendel", "advised", "indirect")]),
    "marked_word_goes_to_the_naming_cue_it_hangs_on": (
        "Mayor Tom Okafor called the claim “absurd” on Friday and later said he would not resign.",
        [("absurd", "Tom Okafor", "called", "direct"),
         ("he would not resign", "Tom Okafor", "said", "indirect")]),
    "inverted_cue_closing_a_sentence_the_parser_split": (
        "That’s not just a cost for the towns that are directly hit, but for the province as a whole, "
        "argued Tomas Reyes. The old mill closed in 1990; after that, the whole valley emptied, Reyes writes.",
        [("That’s not just a cost for the towns that are directly hit, but for the province as a whole",
          "Tomas Reyes", "argued", "indirect"),
         ("The old mill closed in 1990; after that, the whole valley emptied", "Tomas Reyes", "writes",
          "indirect")]),
    "inverted_cue_closing_a_line_with_no_full_stop": (
        "Mayor Lina Varga spoke on Monday.\n\nShe hasn't made up her mind, she says\n\nThe council meets in May.",
        [("She hasn't made up her mind", "Lina Varga", "says", "indirect")]),
    "parenthetical_cue_followed_by_narration_keeps_the_left_piece_only": (
        "Councillor Ada Quist met the minister. Requests to the province are often refused, she says, and she "
        "was angry about the new rules. The bid may fail, insiders said, and as workers at the plant worry "
        "about cuts, the union has called a meeting.",
        [("Requests to the province are often refused", "Ada Quist", "says", "indirect"),
         ("The bid may fail", None, "said", "indirect")]),
    "description_names_its_person_after_named": (
        "A port official in Kent county named Jon Malley told reporters the pier would stay closed.",
        [("the pier would stay closed", "Jon Malley", "told", "indirect")]),
    "hyphenated_definite_description_is_singular": (
        "Owen Tarrant, who guarded the provincial legislature for a decade, is running for mayor.\n\n"
        "The former sergeant-at-arms of the legislature said Monday he would focus on housing.",
        [("he would focus on housing", "Owen Tarrant", "said", "indirect")]),
    "indefinite_lede_named_in_the_next_paragraph": (
        "A retired ferry captain says the harbour is too shallow for the new boats.\n\n"
        "Marta Lindgren said the dredging stopped years ago.\n\nThe port did not comment.",
        [("the harbour is too shallow for the new boats", "Marta Lindgren", "says", "indirect"),
         ("the dredging stopped years ago", "Marta Lindgren", "said", "indirect")]),
    "indefinite_description_named_in_the_next_sentence": (
        "The council met on Monday to discuss the budget.\n\nThe mayor was absent.\n\n"
        "Town clerk Ian Pole read the accounts. One former councillor said on Tuesday that she would run "
        "again. Rosa Varga told reporters she had left the council in 2019.",
        [("that she would run again", "Rosa Varga", "said", "indirect"),
         ("she had left the council in 2019", "Rosa Varga", "told", "indirect")]),
    "indefinite_description_not_the_person_introduced_next": (
        "The council met on Monday to discuss the budget.\n\n"
        "A former councillor said on Tuesday that she would run again. Rosa Varga, the head of the library "
        "board, told reporters she had no plans to run.",
        [("that she would run again", None, "said", "indirect"),
         ("she had no plans to run", "Rosa Varga", "told", "indirect")]),
    "cue_followed_by_where_not_who": (
        "The agency paid out more than ever that year. “The claims were the largest in our history,” "
        "Tomas Ebner, the fund’s then-chief economist, mentioned in a 2015 commentary.\n\nAnother was coming.",
        [("The claims were the largest in our history,", "Tomas Ebner", "mentioned", "direct")]),
    "plural_data_noun_speaks_for_its_source": (
        "According to the latest figures from Coastal Survey Canada, ferry traffic fell by a quarter last year.",
        [("ferry traffic fell by a quarter last year", "Coastal Survey Canada", "According to", "indirect")]),
    "surname_tagged_norp_stays_a_person": (
        "Ivo Serb, the founder of the firm, opened the plant on Monday. Serb is aware that he is taking a risk. "
        "Serb is also aware that the market is small.\n\n"
        "“Nobody makes money on cars this small,” the lanky engineer said.",
        [("Nobody makes money on cars this small,", "Ivo Serb", "said", "direct")]),
    "description_ner_tags_is_not_a_name": (
        "Kim Ortiz received a letter this week from the Coastal Licensing Agency informing her that the federal "
        "department has concerns about her boat licence.\n\n"
        "The department added that \"in some cases, extra inspections are needed before a licence is renewed.\"",
        # NER's "the federal department" is no name; "the department" is the public body named before
        [("in some cases, extra inspections are needed before a licence is renewed.", "Coastal Licensing Agency",
          "added", "direct")]),
    "definite_description_after_a_subject_ner_missed": (
        "Kaspar Lindqvist had a goal and two assists for Bergen.\n\n"
        "Dahlen has four goals since Oslo traded him to Bergen for Erik Sund last week. The 26-year-old right "
        "wing said his new teammates have been creating chances for him.",
        [("his new teammates have been creating chances for him", "Dahlen", "said", "indirect")]),
    "title_description_nobody_named_holds_stays_a_description": (
        "Police arrested Dale Ritter in the spring of 2010 after a long search. In May 2011, while out on bail, "
        "he robbed a fourth bank.\n\n"
        "In his ruling, the county judge said he saw no realistic prospect of managing the risk.",
        [("he saw no realistic prospect of managing the risk", None, "said", "indirect")]),
})

CASES.update({
    "second_marked_phrase_of_the_same_naming_cue": (
        "Bridge inspector Noor Halvorsen described the crossing as “unsafe” and in need of “urgent structural "
        "repairs to the deck.”",
        [("unsafe", "Noor Halvorsen", "described", "direct"),
         ("urgent structural repairs to the deck.", "Noor Halvorsen", "described", "direct")]),
    "naming_cue_inside_reported_content_is_its_own_quote": (
        "At a school assembly, ferry captain Ilse Marten said she had stayed awake all night after the storm "
        "in what she called “the longest night of my working life.”",
        [("she had stayed awake all night after the storm", "Ilse Marten", "said", "indirect"),
         ("the longest night of my working life.", "Ilse Marten", "called", "direct")]),
    "quote_after_a_programme_title_ending_a_sentence": (
        "“We will not close the clinic,” Mayor Tove Brandt said on Radio North’s “Morning Call.” "
        "“The families here depend on it every single week.” The council meets again in March.",
        [("We will not close the clinic,", "Tove Brandt", "said", "direct"),
         ("The families here depend on it every single week.", "Tove Brandt", None, "direct")]),
    "coordinated_cue_with_its_own_subject_ends_the_content": (
        "Coach Petra Lund said the loss sent a message that her team has to more clearly separate itself from "
        "the Rovers and she said things are going to change in training.",
        [("the loss sent a message that her team has to more clearly separate itself from the Rovers",
          "Petra Lund", "said", "indirect"),
         ("things are going to change in training", "Petra Lund", "said", "indirect")]),
    "heard_others_chant_a_marked_quote": (
        "The referee said he heard fans chant, “Send him off!” before the second goal.",
        [("he heard fans chant", None, "said", "indirect"),
         ("Send him off!", None, "chant", "direct")]),
    "cue_splitting_a_sentence_after_one_word": (
        "Harbour master Lina Varga spoke after the meeting. Fares, Varga says, will rise by a fifth in May.",
        [("Fares", "Lina Varga", "says", "indirect"),
         ("will rise by a fifth in May", "Lina Varga", "says", "indirect")]),
    "fronted_time_phrase_before_a_split_cue_is_not_content": (
        "During the long winter, the mayor said, the ferry ran only twice a week.",
        [("the ferry ran only twice a week", None, "said", "indirect")]),
})

NOT_QUOTES = {
    "so_called_is_not_a_cue": "The so-called “experts” disagreed with the plan.",
    "scare_quotes_and_titles": "The tax, widely dubbed a “window levy,” starts in May. The film “Salt and Stone” "
                               "opens the festival, while the town’s “blue belt” plan is on hold.",
    "short_unattributed": "The exchange was recorded.\n\n“Agreed.”\n\n“Done.”",
    "called_for_is_not_naming": "The mayor called for calm after the flood and called the fire brigade.",
    "caption_signed_with_a_name_is_not_a_quotation": "Boats in the flooded harbour on Sunday morning. Jane Roe\n\n"
                                                      "Jane Roe runs the harbour office.",
    "said_enough_after_a_clause_is_not_inverted_speech":
        "When the council cut the ferry budget two years later, the island said enough.",
    "relative_clause_after_a_comma_is_not_a_speaker":
        "She holds a new role as harbour counsel, in which she advises Mayor Lina Varga.",
    "marked_words_in_a_list_are_not_quotes":
        "Also sent in by councillor Tove Brandt for the bonfire of office jargon: “synergy,” “pivot,” “circle back” "
        "and “deep dive.” This year's list included “gumption,” “wherewithal,” and “feckless,” which the editors "
        "say readers no longer use.",
    "photo_credit_is_not_a_signature": "Rescue boats search the flooded streets of the lower town on Sunday. Reuters\n\n"
                                       "A Reuters photographer was on the first boat.",
}



@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_extract_kinds(run, name):
    text, expected = CASES[name]
    quotes = run(text)
    got = [(q.quote, q.speaker, q.cue, q.type) for q in quotes]
    assert got == expected
    for q in quotes:
        assert text[q.quote_start:q.quote_end] == q.quote
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        assert 0.0 <= q.confidence <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NOT_QUOTES))
def test_extract_not_speech(run, name):
    assert run(NOT_QUOTES[name]) == []


@pytest.mark.slow
def test_extract_role_and_channel(run):
    text = "Ukraine’s Deputy Energy Minister Olena Tarasenko said in a statement to Reuters: “Repairs will take weeks.”"
    (q,) = run(text)
    assert q.speaker == "Olena Tarasenko"
    assert q.speaker_role == "Ukraine’s Deputy Energy Minister"
    assert q.channel == "in a statement to Reuters"
    assert q.speaker_type == "PERSON"


@pytest.mark.slow
def test_extract_apposition_holds_name(run):
    text = "“We will appeal,” her lawyer, Omar Fitz, said outside the court."
    (q,) = run(text)
    assert (q.speaker, q.speaker_role) == ("Omar Fitz", "her lawyer")


@pytest.mark.slow
def test_extract_unclosed_quote_is_flagged_and_rest_kept(run):
    text = "“The vote is Monday,” said Ana Ruiz, the union’s secretary, “and we expect everyone.\nLetters went out."
    quotes = run(text)
    assert [q.quote for q in quotes] == ["The vote is Monday,", "and we expect everyone."]
    assert "unclosed" in quotes[1].flags and quotes[1].speaker == "Ana Ruiz"


@pytest.mark.slow
def test_extract_multi_paragraph_quote_is_one_record(run):
    text = ("“The works start in June,” engineer Bo Lund said. “Crews will close one lane.\n\n"
            "“Then the other lane.\n\n“Expect delays all summer.”")
    quotes = run(text)
    assert len(quotes) == 2
    assert quotes[1].quote.startswith("Crews will close") and quotes[1].quote.endswith("all summer.")
    assert quotes[1].speaker == "Bo Lund"


@pytest.mark.slow
def test_extract_speaker_is_never_a_placeholder(run):
    text = "Residents met outside the closed library. “Where will the children study now?”"
    (q,) = run(text)
    assert q.speaker is None and q.cue is None


@pytest.mark.slow
def test_extract_offsets_hold_on_unicode_heavy_text(run):
    text = "Café owner Zoë Ångström 🙂 said: “Prices rose 20 % — again — this year, and we can’t keep up.”"
    (q,) = run(text)
    assert text[q.quote_start:q.quote_end] == q.quote
    assert q.speaker == "Zoë Ångström"


def test_extract_rejects_non_text():
    with pytest.raises(TypeError, match=r"\[E002\]"):
        saidwhat.extract(42)


@pytest.mark.slow
def test_extract_record_round_trip(run):
    (q,) = run("“Trains are back,” said operator Kit Moss.")
    d = q.to_dict()
    assert list(d) == list(saidwhat.RECORD_FIELDS)
    assert saidwhat.Quote.from_dict(d) == q


def test_extract_with_a_plain_pipeline_and_str_subclass(nlp):
    import spacy

    class Text(str):
        pass

    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    (q,) = saidwhat.extract(Text("“Trains are back,” said operator Kit Moss."), nlp=plain)
    assert q.speaker == "Kit Moss"


def test_extract_many_rejects_a_single_string(nlp):
    with pytest.raises(TypeError, match=r"\[E011\]"):
        list(saidwhat.extract_many("one article", nlp=nlp))


def test_component_before_the_parser_says_so():
    import spacy

    plain = spacy.load(saidwhat.api._default_model_name())
    plain.add_pipe("saidwhat", first=True)
    with pytest.raises(ValueError, match=r"\[E009\]"):
        plain("“Trains are back,” said operator Kit Moss.")


@pytest.mark.slow
def test_extract_mention_has_no_surrounding_no_break_space(run):
    text = "Harbour master Ines\u00a0Moreau\u00a0said\u00a0that the ferry would run on time."
    (q,) = run(text)
    assert q.speaker_mention == q.speaker_mention.strip()
    assert text[q.speaker_start:q.speaker_end] == q.speaker_mention


@pytest.mark.slow
def test_extract_subject_is_not_taken_from_a_label_line(run):
    # the parser used to run "WATCH: ..." into the next paragraph's sentence and take
    # "Pop-Tart" as the subject of "described" and "said"
    text = ("Fire crews worked through the night on Main Street.\n\n"
            "WATCH: Pop-Tart reportedly starts fire in Ohio home prompting firefighters to rescue a couple inside\n\n"
            "Officials described the blaze as an accident and said the couple was unhurt.")
    got = [(q.quote, q.cue, q.speaker_mention) for q in run(text)]
    assert got == [("an accident", "described", "Officials"), ("the couple was unhurt", "said", "Officials")]


@pytest.mark.slow
def test_extract_a_title_alone_is_not_a_speaker_name(run):
    text = ("MAYOR SAYS WORK WILL TAKE A YEAR\n\n“We will rebuild the bridge,” Mayor Jane Roe said.\n\n"
            "Major Tom Reed said the army would help.")
    got = [(q.quote, q.speaker, q.speaker_mention) for q in run(text)]
    # the headline's bare title is never the name; it is the holder the article names
    # next (a role-first lede, as field case B21's "agency chief")
    assert got[0] == ("WORK WILL TAKE A YEAR", "Jane Roe", "MAYOR")
    assert got[1] == ("We will rebuild the bridge,", "Jane Roe", "Mayor Jane Roe")
    assert got[2][1] == "Tom Reed"


def test_extract_rejects_a_lone_surrogate_with_a_clear_error(nlp):
    with pytest.raises(ValueError, match=r"\[E015\].*U\+D800 at character 7"):
        saidwhat.extract("Ann Roe\ud800 said it.", nlp=nlp)


@pytest.mark.slow
def test_extract_many_yields_the_texts_before_a_lone_surrogate(nlp):
    it = saidwhat.extract_many(["“We will rebuild the bridge,” Mayor Jane Roe said.", "bad \udc80 text"], nlp=nlp)
    assert [q.speaker for q in next(it)] == ["Jane Roe"]
    with pytest.raises(ValueError, match=r"\[E015\] Text 1 "):
        next(it)


@pytest.mark.slow
def test_extract_many_warns_of_an_item_that_is_not_a_string(nlp):
    # one bad item of a stream (None, a number) is reported with its position and gives
    # no quotation; the texts around it lose nothing
    with pytest.warns(UserWarning, match=r"\[W016\] Text 1 is not a string \(NoneType\)"):
        out = list(saidwhat.extract_many(["“We will rebuild the bridge,” Mayor Jane Roe said.", None,
                                          "“It opens in May,” Mayor Jane Roe said."], nlp=nlp))
    assert [[q.speaker for q in qs] for qs in out] == [["Jane Roe"], [], ["Jane Roe"]]
