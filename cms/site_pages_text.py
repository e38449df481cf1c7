"""The words of the site's own pages: privacy notice, accessibility statement and contact.

These texts were written by the team. The demo data loads them to create the pages,
and after that they can be edited in Pages like any other page.

Each page is a dict with a title, slug, introduction, search description and a body.
The body is a list of ("heading", "<plain text>") and ("paragraph", "<html>") blocks.
Paragraph HTML only uses <p>, <ul>, <li>, <strong> and <a href="...">.
"""

PRIVACY = {
    "title": "Privacy notice: how we look after your answers",
    "slug": "privacy",
    "introduction": (
        "This page tells you what we ask you, what we do with your answers and who can read them."
    ),
    "search_description": (
        "How the Children's Commissioner for England looks after your answers, "
        "who reads them, how long we keep them and your rights."
    ),
    "body": [
        ("heading", "Who we are"),
        (
            "paragraph",
            "<p>We are the Children's Commissioner for England. Our job is to stand up "
            "for the rights of children and young people. We use this website to ask "
            "young people aged 8 to 17 what they think.</p>",
        ),
        ("heading", "What we ask you"),
        (
            "paragraph",
            "<p>You do not need an account to answer a consultation. "
            "We never ask your name.</p>"
            "<p>As well as our questions, we may ask:</p>"
            "<ul>"
            "<li>how old you are, as an age group</li>"
            "<li>which part of England you live in</li>"
            "</ul>"
            "<p>You do not have to tell us your age group or where you live.</p>"
            "<p>Please do not put personal details, like your name, address or "
            "phone number, in your answers. Our system takes them out automatically, "
            "but it might miss some.</p>"
            "<p>Children's parliament members log in with a username and password "
            "from our staff.</p>",
        ),
        ("heading", "What we do with your answers"),
        (
            "paragraph",
            "<p>We read your answers to find out what young people think. "
            "Then we tell the people who make decisions about children's lives.</p>"
            "<p>We only share numbers about groups of 10 or more young people. "
            "This helps make sure nobody can be picked out.</p>"
            "<p>Sometimes we would like to use your own words as a quote. "
            "We only do this if you ticked the box to say you agree.</p>",
        ),
        ("heading", "Who can read your answers"),
        (
            "paragraph",
            "<p>Our staff read the answers you write in your own words.</p>"
            "<p>If an answer might mean a child is not safe, a safeguarding lead "
            "reads it too. This is a staff member trained to help keep children "
            "safe.</p>",
        ),
        ("heading", "If we are worried about you"),
        (
            "paragraph",
            "<p>If you write something that makes us worried you are not safe, "
            "a trained person will read it. "
            "This is normally on working days (Monday to Friday), "
            "so it might not be straight away.</p>"
            "<p><strong>We cannot reply to you, because we do not know who you are."
            "</strong></p>"
            "<p>If you need help now, talk to an adult you trust, or:</p>"
            "<ul>"
            '<li>call Childline for free on <a href="tel:08001111">0800 1111</a> '
            'or visit <a href="https://www.childline.org.uk/">childline.org.uk</a></li>'
            '<li>call <a href="tel:999">999</a> if it is an emergency</li>'
            "</ul>",
        ),
        ("heading", "How long we keep your answers"),
        (
            "paragraph",
            "<p>We keep your answers for a set amount of time. "
            "After that, we delete them or make them anonymous. "
            "Anonymous means nothing is left that could link the answers to you.</p>",
        ),
        ("heading", "Cookies"),
        (
            "paragraph",
            "<p>A cookie is a small file that a website saves on your phone "
            "or computer.</p>"
            "<ul>"
            "<li><strong>Answering a consultation does not set any cookie at all."
            "</strong></li>"
            "<li>Logging in to the children's parliament uses one cookie. "
            "It keeps you logged in.</li>"
            "<li>We never use cookies that track you or show you adverts.</li>"
            "</ul>",
        ),
        ("heading", "Your rights"),
        (
            "paragraph",
            "<p>You have rights over information about you. You can ask us to:</p>"
            "<ul>"
            "<li>show you the information we have about you</li>"
            "<li>correct it if it is wrong</li>"
            "<li>delete it</li>"
            "</ul>"
            "<p>We do not ask your name, so we may not be able to tell which answers "
            "are yours.</p>"
            "<p>If you are unhappy with how we use your information, please tell us. "
            "You can also complain to the Information Commissioner's Office (ICO). "
            'Visit <a href="https://ico.org.uk/">ico.org.uk</a> or '
            '<a href="https://ico.org.uk/make-a-complaint/">make a complaint on the '
            "ICO website</a>.</p>",
        ),
        ("heading", "How to contact us"),
        (
            "paragraph",
            "<p>If you have a question about this page or your information, email our "
            "data protection officer at "
            '<a href="mailto:privacy@example.org">privacy@example.org</a>. '
            "Their job is to check that we look after information properly.</p>",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "introduction": (
        "This statement explains how accessible this website is, what to do if you "
        "find a problem and how to contact us."
    ),
    "search_description": (
        "How accessible the Children's Commissioner for England website is, and how "
        "to report a problem or ask for a different format."
    ),
    "body": [
        ("heading", "About this website"),
        (
            "paragraph",
            "<p>This website is run by the Children's Commissioner for England. "
            "Young people use it to answer our consultations, and members of the "
            "children's parliament use it to take part.</p>"
            "<p>We want as many people as possible to be able to use this website. "
            "For example, that means you should be able to:</p>"
            "<ul>"
            "<li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>make the text up to 200% bigger without losing any content</li>"
            "<li>use the website on a screen 320 pixels wide, like a small phone, "
            "without scrolling sideways</li>"
            "<li>use the website with JavaScript turned off</li>"
            "<li>use the website with a screen reader</li>"
            "<li>get around the website using just a keyboard</li>"
            "</ul>"
            "<p>We have also tried to make the text as simple as possible, because "
            "many of the people who use this website are children.</p>"
            '<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet has advice on '
            "making your device easier to use</a> if you have a disability.</p>",
        ),
        ("heading", "How accessible this website is"),
        (
            "paragraph",
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) "
            "version 2.2 at level AA. We check every page with automated tests, "
            "and we check by hand that everything works with a keyboard.</p>"
            "<p>We list any problems we know about on this page. At the date of this "
            "statement, we do not know of any problems with the pages of this "
            "website.</p>"
            "<p>However, some PDF documents we published before this website was "
            "launched may not be fully accessible.</p>",
        ),
        ("heading", "Feedback and contact information"),
        (
            "paragraph",
            "<p>If you need information on this website in a different format, like "
            "an accessible PDF, large print, easy read, audio recording or braille, "
            'email <a href="mailto:accessibility@example.org">'
            "accessibility@example.org</a>.</p>"
            "<p>We will reply within 5 working days.</p>",
        ),
        ("heading", "Reporting accessibility problems with this website"),
        (
            "paragraph",
            "<p>We are always looking to improve the accessibility of this website. "
            "If you find a problem that is not listed on this page, or you think we "
            "are not meeting accessibility requirements, email "
            '<a href="mailto:accessibility@example.org">accessibility@example.org</a>.'
            " We will reply within 5 working days.</p>",
        ),
        ("heading", "Enforcement procedure"),
        (
            "paragraph",
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
            "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
            "(No. 2) Accessibility Regulations 2018 (the accessibility regulations).</p>"
            "<p>If you are not happy with how we respond to your complaint, contact "
            'the <a href="https://www.equalityadvisoryservice.com/">Equality Advisory '
            "and Support Service (EASS)</a>.</p>",
        ),
        ("heading", "Technical information about this website's accessibility"),
        (
            "paragraph",
            "<p>The Children's Commissioner for England is committed to making its "
            "website accessible, in line with the accessibility regulations.</p>"
            "<p><strong>Compliance status</strong></p>"
            "<p>This website is partially compliant with the Web Content "
            "Accessibility Guidelines version 2.2 AA standard. We do not know of any "
            "problems with the web pages themselves, but some older PDF documents "
            "may not meet the standard.</p>"
            "<p><strong>Non-accessible content</strong></p>"
            "<p>Some PDF documents we published before this website was launched "
            "may not be fully accessible. If you need one of them in a different "
            "format, email us and we will help.</p>"
            "<p>If we find a problem with this website, we will list it on this page "
            "and say how we plan to fix it.</p>",
        ),
        ("heading", "How we tested this website"),
        (
            "paragraph",
            "<p>We test every public page of this website with automated checks. "
            "These checks use a tool called axe-core, running in a real web "
            "browser.</p>"
            "<p>We also check the website by hand, including using it with only "
            "a keyboard.</p>",
        ),
        ("heading", "Preparation of this statement"),
        (
            "paragraph",
            "<p>This statement was prepared on 3 December 2026.</p>",
        ),
    ],
}

ABOUT = {
    "title": "Who we are and how to contact us",
    "slug": "contact",
    "introduction": (
        "The Children's Commissioner for England stands up for the rights of "
        "children and young people, and this page explains what we do and how to "
        "get in touch."
    ),
    "search_description": (
        "Who the Children's Commissioner for England is, what this consultation "
        "website is for, and how to contact us by email or post."
    ),
    "body": [
        ("heading", "Who we are"),
        (
            "paragraph",
            "<p>The Children's Commissioner for England stands up for the rights of "
            "children and young people in England. The Commissioner and their team "
            "work to make sure that the people who make decisions about children's "
            "lives hear what children have to say.</p>"
            "<p>Every year, we report to Parliament on how well children in England "
            "are doing.</p>",
        ),
        ("heading", "Listening to children"),
        (
            "paragraph",
            "<p>Listening to children is at the heart of what we do. We especially "
            "want to hear from children and young people whose voices are least "
            "often heard, such as children in care or living away from home.</p>"
            "<p>What you tell us helps us decide what to say to the people in charge, "
            "and what to ask them to change.</p>",
        ),
        ("heading", "What this website is for"),
        (
            "paragraph",
            "<p>This website is where young people aged 8 to 17 can tell us what "
            "they think.</p>"
            "<ul>"
            "<li><strong>Consultations.</strong> We ask questions about things that "
            "matter to children and young people. You can answer on your phone. "
            "You do not need an account, and we never ask your name.</li>"
            "<li><strong>The children's parliament.</strong> Members of our "
            "children's parliament log in with a username and password given to "
            "them by our staff.</li>"
            "</ul>"
            "<p>Our privacy notice explains how we look after your answers. "
            "Our accessibility statement explains what to do if something on this "
            "website does not work for you.</p>",
        ),
        ("heading", "Contact us"),
        (
            "paragraph",
            "<p>You can contact us:</p>"
            "<ul>"
            '<li>by email at <a href="mailto:hello@example.org">hello@example.org</a>'
            "</li>"
            "<li>by post at Children's Commissioner for England, Example House, "
            "London</li>"
            "</ul>"
            "<p>For questions about your information, email our data protection "
            'officer at <a href="mailto:privacy@example.org">privacy@example.org</a>.'
            "</p>"
            "<p>If something on this website does not work for you, email "
            '<a href="mailto:accessibility@example.org">accessibility@example.org</a>.'
            "</p>",
        ),
        ("heading", "If you need help now"),
        (
            "paragraph",
            "<p><strong>We cannot reply straight away. If you need help now, please "
            "do not wait for us.</strong></p>"
            "<ul>"
            '<li>Call Childline for free on <a href="tel:08001111">0800 1111</a> '
            'or visit <a href="https://www.childline.org.uk/">childline.org.uk</a>'
            "</li>"
            '<li>Call <a href="tel:999">999</a> in an emergency</li>'
            "</ul>"
            "<p>You can also talk to an adult you trust, like a parent, carer "
            "or teacher.</p>",
        ),
    ],
}
