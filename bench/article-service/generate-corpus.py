#!/usr/bin/env python3
"""Deterministic synthetic English news corpus for the article-service benchmark (stdlib only).

    generate-corpus.py [--articles N] [--seed S] [--out FILE] [--queries FILE] [--start-index I]

Writes N NDJSON lines {"title","body","author","source","publishedAt","externalId"} (stdout by default).
The same seed and count always give byte-identical output. --queries also writes a list of realistic search
queries (one a line) drawn from the same lexicon, so the benchmark searches for what the corpus contains.
See README.md beside this file for the design.
"""
import argparse
import datetime as dt
import json
import random
import re
import sys

# ---------------------------------------------------------------------------------------------------------------
# Lexicon. Names and places are common real-world ones; organisations and companies are mostly composed, so the
# corpus has a long tail of rare tokens the way real news has.
# ---------------------------------------------------------------------------------------------------------------
FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph
Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret Steven Sandra Paul Ashley
Andrew Kimberly Joshua Emily Kenneth Donna Kevin Michelle Brian Carol George Amanda Timothy Melissa Ronald Deborah
Jason Stephanie Edward Rebecca Ryan Sharon Jacob Laura Gary Cynthia Nicholas Amy Eric Kathleen Jonathan Angela
Olena Dmitry Rustem Oksana Andriy Yulia Sergei Natalia Mikhail Irina Ahmed Fatima Mohammed Leila Omar Yasmin Hassan
Amina Wei Li Ming Xiaoling Hiroshi Yuki Kenji Aiko Min-jun Ji-woo Raj Priya Arjun Ananya Vikram Deepa Carlos Maria
Jose Lucia Juan Sofia Diego Valentina Pedro Camila Luis Isabel Pierre Claire Jean Amelie Hans Greta Klaus Ingrid
Lars Astrid Piotr Agnieszka Tomasz Katarzyna Giovanni Chiara Marco Francesca Kwame Ama Chinedu Ngozi Tunde Zanele
Thabo Lerato Mehmet Elif Emre Zeynep Javier Ines Mateus Beatriz Nikos Eleni Andrei Ioana Hamid Soraya Bilal Nadia
Ibrahim Aisha Tariq Samira Jakob Freya Sven Annika Rafael Gabriela Tomas Lucie Viktor Daria""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Kuznets Umerov Kovalenko Shevchenko Bondarenko Tkachenko Melnyk Petrov Ivanova Sokolov
Volkov Popescu Ionescu Novak Kowalski Nowak Wisniewski Horvath Schmidt Schneider Fischer Weber Meyer Wagner Becker
Hoffmann Dubois Lefebvre Moreau Laurent Bernard Rossi Russo Ferrari Esposito Bianchi Romano Silva Santos Oliveira
Pereira Costa Fernandes Almeida Yilmaz Kaya Demir Sahin Celik Hosseini Ahmadi Rahimi Karimi Haddad Khalil Nasser
Mansour Farouk Abdullah Rahman Chowdhury Hussain Khan Sharma Patel Singh Gupta Reddy Iyer Mehta Nair Banerjee Chen
Wang Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kim Park
Choi Jung Kang Cho Okafor Adeyemi Mensah Owusu Nkosi Dlamini Mwangi Otieno Kariuki Abebe Tesfaye Haile Andersson
Johansson Lindqvist Nielsen Hansen Larsen Jensen Virtanen Korhonen Papadopoulos Georgiou Dimitrov Stoica Horak
Varga Toth Molnar Kaczmarek Zielinski Ortega Castillo Morales Vargas Mendoza Guerrero Rojas Navarro Delgado
Fitzgerald OBrien Murphy Kelly Byrne Walsh McCarthy Donnelly Gallagher""".split()

# (city, country, demonym) - datelines and places named in the text.
PLACES = [
    ("Kyiv", "Ukraine", "Ukrainian"), ("Kharkiv", "Ukraine", "Ukrainian"), ("Odesa", "Ukraine", "Ukrainian"),
    ("Moscow", "Russia", "Russian"), ("Washington", "the United States", "US"), ("New York", "the United States", "US"),
    ("Chicago", "the United States", "US"), ("Houston", "the United States", "US"), ("Los Angeles", "the United States", "US"),
    ("London", "Britain", "British"), ("Manchester", "Britain", "British"), ("Paris", "France", "French"),
    ("Lyon", "France", "French"), ("Berlin", "Germany", "German"), ("Frankfurt", "Germany", "German"),
    ("Brussels", "Belgium", "Belgian"), ("Warsaw", "Poland", "Polish"), ("Rome", "Italy", "Italian"),
    ("Milan", "Italy", "Italian"), ("Madrid", "Spain", "Spanish"), ("Lisbon", "Portugal", "Portuguese"),
    ("Athens", "Greece", "Greek"), ("Ankara", "Turkey", "Turkish"), ("Istanbul", "Turkey", "Turkish"),
    ("Riyadh", "Saudi Arabia", "Saudi"), ("Jeddah", "Saudi Arabia", "Saudi"), ("Dubai", "the United Arab Emirates", "Emirati"),
    ("Doha", "Qatar", "Qatari"), ("Cairo", "Egypt", "Egyptian"), ("Tehran", "Iran", "Iranian"), ("Baghdad", "Iraq", "Iraqi"),
    ("Beirut", "Lebanon", "Lebanese"), ("Amman", "Jordan", "Jordanian"), ("Jerusalem", "Israel", "Israeli"),
    ("Nairobi", "Kenya", "Kenyan"), ("Lagos", "Nigeria", "Nigerian"), ("Abuja", "Nigeria", "Nigerian"),
    ("Accra", "Ghana", "Ghanaian"), ("Johannesburg", "South Africa", "South African"), ("Addis Ababa", "Ethiopia", "Ethiopian"),
    ("Beijing", "China", "Chinese"), ("Shanghai", "China", "Chinese"), ("Shenzhen", "China", "Chinese"),
    ("Hong Kong", "China", "Hong Kong"), ("Taipei", "Taiwan", "Taiwanese"), ("Tokyo", "Japan", "Japanese"),
    ("Osaka", "Japan", "Japanese"), ("Seoul", "South Korea", "South Korean"), ("New Delhi", "India", "Indian"),
    ("Mumbai", "India", "Indian"), ("Bengaluru", "India", "Indian"), ("Karachi", "Pakistan", "Pakistani"),
    ("Islamabad", "Pakistan", "Pakistani"), ("Dhaka", "Bangladesh", "Bangladeshi"), ("Jakarta", "Indonesia", "Indonesian"),
    ("Manila", "the Philippines", "Philippine"), ("Hanoi", "Vietnam", "Vietnamese"), ("Bangkok", "Thailand", "Thai"),
    ("Singapore", "Singapore", "Singaporean"), ("Kuala Lumpur", "Malaysia", "Malaysian"), ("Sydney", "Australia", "Australian"),
    ("Canberra", "Australia", "Australian"), ("Wellington", "New Zealand", "New Zealand"), ("Ottawa", "Canada", "Canadian"),
    ("Toronto", "Canada", "Canadian"), ("Mexico City", "Mexico", "Mexican"), ("Bogota", "Colombia", "Colombian"),
    ("Lima", "Peru", "Peruvian"), ("Santiago", "Chile", "Chilean"), ("Buenos Aires", "Argentina", "Argentine"),
    ("Sao Paulo", "Brazil", "Brazilian"), ("Brasilia", "Brazil", "Brazilian"), ("Caracas", "Venezuela", "Venezuelan"),
    ("Havana", "Cuba", "Cuban"), ("Stockholm", "Sweden", "Swedish"), ("Oslo", "Norway", "Norwegian"),
    ("Helsinki", "Finland", "Finnish"), ("Copenhagen", "Denmark", "Danish"), ("Vienna", "Austria", "Austrian"),
    ("Geneva", "Switzerland", "Swiss"), ("Zurich", "Switzerland", "Swiss"), ("Prague", "the Czech Republic", "Czech"),
    ("Budapest", "Hungary", "Hungarian"), ("Bucharest", "Romania", "Romanian"), ("Sofia", "Bulgaria", "Bulgarian"),
    ("Belgrade", "Serbia", "Serbian"), ("Tbilisi", "Georgia", "Georgian"), ("Yerevan", "Armenia", "Armenian"),
    ("Baku", "Azerbaijan", "Azerbaijani"), ("Astana", "Kazakhstan", "Kazakh"), ("Kabul", "Afghanistan", "Afghan"),
    ("Khartoum", "Sudan", "Sudanese"), ("Kinshasa", "Congo", "Congolese"), ("Dakar", "Senegal", "Senegalese"),
    ("Rabat", "Morocco", "Moroccan"), ("Tunis", "Tunisia", "Tunisian"), ("Reykjavik", "Iceland", "Icelandic"),
    ("Dublin", "Ireland", "Irish"), ("Edinburgh", "Britain", "Scottish"), ("Amsterdam", "the Netherlands", "Dutch"),
    ("Rotterdam", "the Netherlands", "Dutch"), ("Vilnius", "Lithuania", "Lithuanian"), ("Riga", "Latvia", "Latvian"),
    ("Tallinn", "Estonia", "Estonian"), ("Minsk", "Belarus", "Belarusian"), ("Chisinau", "Moldova", "Moldovan"),
]
REGIONS = ["the Black Sea", "the Red Sea", "the South China Sea", "the Baltic", "the Sahel", "the Gulf",
           "the Horn of Africa", "the Balkans", "the Caucasus", "Central Asia", "the Pacific", "the Arctic",
           "the Mediterranean", "the Amazon basin", "the Mekong delta", "the Andes", "the Great Lakes region",
           "the Persian Gulf", "the Indian Ocean", "the North Sea", "Southeast Asia", "West Africa", "East Africa",
           "Latin America", "the Middle East", "Eastern Europe", "the Korean Peninsula", "the Strait of Hormuz"]

OUTLETS = ["wirereport.example", "globalpost.example", "dailyledger.example", "chinadaily.com.cn", "metrotribune.example",
           "eveningstandard.example", "asiatimes.example", "capitalherald.example", "northernecho.example",
           "pacificmonitor.example", "africanews.example", "continental.example", "harbourgazette.example",
           "thecourier.example", "marketwire.example", "sciencedesk.example", "sportsline.example",
           "civicjournal.example", "frontierpress.example", "riverside-times.example", "atlanticreview.example",
           "eurasiadaily.example", "sunrisepost.example", "lakeshoreobserver.example"]

BRAND_A = ["North", "Atlas", "Meridian", "Blue", "Granite", "Harbor", "Silver", "Pioneer", "Summit", "Cobalt",
           "Crescent", "Evergreen", "Falcon", "Horizon", "Ironwood", "Juniper", "Keystone", "Lumen", "Maple",
           "Nova", "Orion", "Pinnacle", "Quarry", "Redwood", "Sterling", "Titan", "Union", "Vertex", "Westbrook",
           "Zenith", "Arcadia", "Beacon", "Cascade", "Delta", "Eastgate", "Frontier", "Golden", "Highland"]
BRAND_B = ["Energy", "Logistics", "Pharma", "Systems", "Bank", "Motors", "Foods", "Telecom", "Mining", "Capital",
           "Airlines", "Shipping", "Semiconductor", "Insurance", "Steel", "Chemicals", "Biotech", "Retail",
           "Networks", "Robotics", "Solar", "Agri", "Health", "Media", "Rail", "Water", "Cement", "Textiles"]
BRAND_C = ["Corp", "Group", "Holdings", "Inc.", "Ltd.", "", "", "International", "Partners"]
SYL = ["ve", "lo", "tri", "qua", "ran", "mex", "zor", "ta", "ni", "sol", "vi", "ko", "dra", "len", "por", "xa",
       "fen", "mu", "bri", "cal", "gon", "thi", "ul", "ber", "sa", "rix", "dex", "ova", "tek", "ly"]

# Topics: each has its own nouns, titles of the people it quotes, institutions, headline and sentence templates and
# quote contents. Slots in templates: {P} a person (full name with title at first mention, surname later),
# {ORG} an organisation, {CO} a company, {CITY} {COUNTRY} {DEM} {REGION}, {N} a count, {PCT} a percentage,
# {MONEY} an amount, {DATE} a date relative to publication, {DAY} a weekday, {YEAR}, {X} {Y} topic nouns,
# {A} a topic adjective, {V} a topic verb (past), {CODE} a rare invented name.
TOPICS = {
    "diplomacy": dict(
        weight=9,
        nouns=["cease-fire", "peace talks", "delegation", "summit", "treaty", "sanctions", "prisoner exchange",
               "security guarantees", "negotiations", "envoy", "embassy", "accord", "truce", "mediation",
               "memorandum", "communique", "armistice", "humanitarian corridor", "energy infrastructure", "grain deal"],
        adjs=["bilateral", "multilateral", "tentative", "fragile", "comprehensive", "partial", "unconditional", "interim"],
        verbs=["brokered", "rejected", "endorsed", "proposed", "postponed", "signed", "welcomed", "suspended"],
        titles=["Foreign Minister", "Defense Minister", "Prime Minister", "President", "Deputy Foreign Minister",
                "Ambassador", "special envoy", "Secretary of State", "national security adviser", "presidential spokesperson"],
        orgs=["the United Nations", "NATO", "the European Union", "the African Union", "the Foreign Ministry",
              "the Kremlin", "the State Department", "the Arab League", "ASEAN", "the Security Council",
              "the International Committee of the Red Cross", "the OSCE"],
        appos=["a military analyst with {ORG}", "a former diplomat who served in {CITY}",
               "a senior fellow at the {CO} Institute", "a professor of international relations at {CITY} University"],
        heads=["{DEM} and {DEM2} delegations to meet in {CITY} on {DAY}", "Talks on {X} stall in {CITY}",
               "{COUNTRY} signals openness to {A} {X}", "Envoys push for {X} as fighting flares near {CITY}",
               "{ORG} calls for {X} in {REGION}", "{COUNTRY} and {COUNTRY2} agree on {X}",
               "Hopes for {X} fade after {CITY} meeting", "{DEM} leader {V} {X} proposal"],
        sents=["{DEM} and {DEM2} delegations will meet in {CITY} on {DAY} to discuss a potential {N2}-day {X}.",
               "The talks follow weeks of shuttle diplomacy by {P} and officials from {ORG}.",
               "{P} said the {X} would cover attacks on {Y} but not ground operations.",
               "Diplomats in {CITY} described the {A} {X} as the most serious effort since {YEAR}.",
               "{COUNTRY} has {V} the {X}, demanding guarantees before any {Y} can begin.",
               "The {ORG} said {N} people had been displaced since the fighting resumed {DATE}.",
               "A {A} {X} agreed in {CITY} {DATE} collapsed within {N2} days.",
               "Under the draft, both sides would withdraw heavy weapons {N2} kilometers from the front line.",
               "{P} arrived in {CITY} {DATE} for a round of consultations with his counterparts.",
               "Observers from {ORG} will monitor compliance with the {X}, according to the memorandum.",
               "The {Y} issue remains the main obstacle, two officials familiar with the negotiations said.",
               "Shelling continued overnight near {CITY2}, where {N} homes were damaged, local authorities said."],
        quotes=["We are ready to talk, but not at any price", "A {X} that is not respected is worth nothing",
                "The ball is now in their court", "We need a {A} solution, not another pause",
                "Nobody should expect a breakthrough on {DAY}", "Our position on {Y} has not changed",
                "This is the closest we have come to an agreement in {N2} months"]),
    "economy": dict(
        weight=9,
        nouns=["inflation", "interest rates", "central bank", "bond yields", "recession", "unemployment",
               "consumer prices", "budget deficit", "trade surplus", "tariffs", "currency", "stock market",
               "growth forecast", "wages", "mortgage rates", "exports", "supply chains", "public debt", "GDP", "retail sales"],
        adjs=["quarterly", "annual", "seasonally adjusted", "core", "benchmark", "sluggish", "robust", "record"],
        verbs=["raised", "cut", "held", "revised", "slowed", "accelerated", "surged", "slumped"],
        titles=["Finance Minister", "central bank Governor", "chief economist", "Treasury Secretary",
                "Economy Minister", "chief executive", "fund manager", "trade representative"],
        orgs=["the International Monetary Fund", "the World Bank", "the Federal Reserve", "the European Central Bank",
              "the Bank of England", "the Bank of Japan", "the People's Bank of China", "the Reserve Bank",
              "the statistics office", "the Finance Ministry", "the OECD", "the World Trade Organization"],
        appos=["an economist at {CO} Capital", "a strategist with {CO} Bank in {CITY}",
               "a former adviser to {ORG}", "head of research at {CO} Securities"],
        heads=["{COUNTRY} {V} {X} as {Y} persists", "{ORG} {V} {X} by {BP} basis points",
               "{DEM} {X} {V} to {PCT} percent in {MONTH}", "Markets rattled as {X} climbs in {COUNTRY}",
               "{COUNTRY} faces {A} {X} amid {Y} fears", "Investors weigh {X} after {ORG} decision",
               "{DEM} {Y} hits {A} high"],
        sents=["{ORG} {V} its benchmark rate by {BP} basis points to {PCT} percent on {DAY}.",
               "Annual {X} in {COUNTRY} eased to {PCT} percent in {MONTH} from {PCT2} percent a month earlier.",
               "Economists polled by {CO} Research had expected a reading of {PCT} percent.",
               "The {CUR} fell {PCT3} percent against the dollar after the announcement.",
               "{P} told lawmakers that {Y} remained the biggest risk to the outlook.",
               "The government expects a {A} {Y} of {MONEY} this year, up from {MONEY2} in {YEAR}.",
               "Shares of {CO} rose {PCT3} percent in {CITY} trading, while the broader index slipped.",
               "{ORG} {V} its {YEAR} growth forecast for {COUNTRY} to {PCT3} percent.",
               "Ten-year bond yields climbed to {PCT} percent, the highest since {YEAR}.",
               "Retailers in {CITY} reported {A} demand during the {MONTH} holiday period.",
               "The data showed {N} jobs were added in {MONTH}, below the {N3} forecast.",
               "Exporters have warned that new {X} on steel and aluminum could cost them {MONEY}."],
        quotes=["We will do whatever it takes to bring {X} back to target", "The worst is behind us",
                "It is too early to declare victory over {X}", "Households are still feeling the squeeze",
                "Markets had priced in a much more aggressive move", "The {Y} numbers surprised everyone"]),
    "energy": dict(
        weight=6,
        nouns=["oil prices", "natural gas", "pipeline", "power grid", "blackouts", "refinery", "crude output",
               "liquefied natural gas", "nuclear plant", "wind farm", "solar capacity", "coal mine", "fuel subsidies",
               "electricity tariffs", "OPEC quota", "hydropower dam", "battery storage", "gas storage"],
        adjs=["offshore", "renewable", "strategic", "winter", "peak", "regional", "state-owned", "record"],
        verbs=["shut down", "restarted", "expanded", "curtailed", "approved", "halted", "boosted", "commissioned"],
        titles=["Energy Minister", "oil minister", "chief executive", "grid operator spokesperson", "plant director"],
        orgs=["OPEC", "the International Energy Agency", "the Energy Ministry", "the national grid operator",
              "the nuclear regulator", "the state oil company"],
        appos=["an energy analyst at {CO} Energy", "a commodities strategist with {CO} Capital",
               "head of the {CITY} Energy Institute"],
        heads=["{COUNTRY} {V} {X} after attack on {Y}", "{X} jump as {REGION} tensions rise",
               "{ORG} warns of {A} {X} shortfall", "{CO} {V} {A} {X} near {CITY}"],
        sents=["Brent crude rose {PCT3} percent to {PRICE} a barrel in early trading.",
               "The {A} {X} near {CITY} was {V} after a drone strike damaged {Y}.",
               "{ORG} said global demand would grow by {N} barrels a day this year.",
               "Engineers restored power to {N} households by {DAY} evening, {P} said.",
               "The {N2}-megawatt {X} is expected to start supplying the grid in {YEAR}.",
               "{CO} said its {A} {Y} would be offline for at least {N2} weeks.",
               "Gas storage in {COUNTRY} stood at {PCT} percent of capacity, above the five-year average.",
               "Residents of {CITY} faced rolling blackouts of up to {N2} hours a day."],
        quotes=["The grid is stable for now, but the winter will be hard", "Every attack on {Y} is an attack on civilians",
                "We have enough reserves to get through the season", "Prices will stay volatile"]),
    "technology": dict(
        weight=7,
        nouns=["artificial intelligence", "semiconductors", "data center", "chip export controls", "smartphone",
               "cybersecurity", "ransomware", "cloud computing", "social media", "antitrust case", "data breach",
               "quantum computing", "satellite internet", "electric vehicles", "software update", "chatbot",
               "privacy rules", "startup funding", "5G network", "open-source model"],
        adjs=["generative", "encrypted", "proprietary", "autonomous", "mobile", "large-scale", "next-generation"],
        verbs=["unveiled", "launched", "acquired", "fined", "banned", "patched", "delayed", "released"],
        titles=["chief executive", "chief technology officer", "Digital Minister", "founder", "security researcher",
                "regulator", "product chief"],
        orgs=["the European Commission", "the Federal Trade Commission", "the Competition Authority",
              "the data protection authority", "the cybersecurity agency", "the telecoms regulator"],
        appos=["a security researcher at {CO} Labs", "an analyst at {CO} Research", "a venture capitalist in {CITY}"],
        heads=["{CO} {V} {A} {X} platform", "{ORG} opens probe into {CO} over {X}",
               "{X} attack hits {N} users in {COUNTRY}", "{COUNTRY} tightens {X} rules",
               "{CO} to build {MONEY} {Y} near {CITY}"],
        sents=["{CO} {V} its {A} {X} system at an event in {CITY} on {DAY}.",
               "The {Y} affected roughly {N} customers, the company said in a filing.",
               "{ORG} said it had opened an investigation into whether {CO} breached {X}.",
               "The company plans to invest {MONEY} in a new {Y} outside {CITY}.",
               "Researchers said the flaw, dubbed {CODE}, allowed attackers to bypass authentication.",
               "{P} said the {X} would be available in {N2} countries by the end of {YEAR}.",
               "Shares of {CO} jumped {PCT3} percent after the announcement.",
               "The fine of {MONEY} is the largest imposed under the rules so far."],
        quotes=["We take the security of our users extremely seriously", "This is a turning point for {X}",
                "Regulators are always a step behind", "The technology is moving faster than the law",
                "We expect to ship {CODE} to customers early next year"]),
    "health": dict(
        weight=6,
        nouns=["vaccine", "outbreak", "cholera", "measles", "hospital", "clinical trial", "public health",
               "drug prices", "pandemic preparedness", "malaria", "antibiotic resistance", "mental health",
               "nursing shortage", "cancer screening", "bird flu", "dengue", "obesity drug", "emergency room"],
        adjs=["experimental", "mandatory", "preventive", "rural", "pediatric", "infectious", "chronic", "late-stage"],
        verbs=["approved", "reported", "confirmed", "recalled", "expanded", "warned about", "tested", "rolled out"],
        titles=["Health Minister", "chief medical officer", "epidemiologist", "hospital director", "nurse",
                "professor of medicine", "health commissioner"],
        orgs=["the World Health Organization", "the Health Ministry", "the Centers for Disease Control and Prevention",
              "the European Medicines Agency", "Doctors Without Borders", "the Food and Drug Administration"],
        appos=["an epidemiologist at {CITY} University", "a doctor at {CITY} General Hospital",
               "a researcher with {CO} Biotech"],
        heads=["{X} cases rise in {CITY}", "{ORG} {V} {A} {X}", "{COUNTRY} launches {X} campaign",
               "Doctors warn of {X} as {Y} spreads", "{CO} {X} shows promise in trial"],
        sents=["Health officials in {CITY} confirmed {N} new cases of {X} {DATE}.",
               "{ORG} {V} the {A} {Y} for use in adults over {N2}.",
               "The trial enrolled {N} patients across {N2} countries, {P} said.",
               "Hospitals in {COUNTRY} reported that {PCT} percent of beds were occupied.",
               "Vaccination rates among children fell to {PCT} percent, according to {ORG}.",
               "The {A} {X} reduced hospitalizations by {PCT} percent compared with a placebo.",
               "{CO} Pharma said it would cut the price of its {Y} drug by {PCT} percent."],
        quotes=["We are seeing more patients than we can handle", "The data are encouraging but not conclusive",
                "Prevention is far cheaper than treatment", "No one should panic, but everyone should be careful"]),
    "climate": dict(
        weight=6,
        nouns=["heat wave", "wildfire", "flooding", "drought", "hurricane", "typhoon", "emissions", "carbon tax",
               "sea levels", "glacier", "monsoon", "climate finance", "deforestation", "landslide", "storm surge",
               "air pollution", "water shortage", "crop failure"],
        adjs=["extreme", "torrential", "unprecedented", "prolonged", "coastal", "low-lying", "devastating", "record"],
        verbs=["evacuated", "destroyed", "inundated", "forecast", "declared", "battled", "pledged", "swept through"],
        titles=["Environment Minister", "climate envoy", "meteorologist", "fire chief", "mayor", "governor",
                "disaster management official"],
        orgs=["the World Meteorological Organization", "the national weather service", "the civil protection agency",
              "the UN Environment Programme", "Greenpeace", "the fire service"],
        appos=["a climate scientist at {CITY} University", "a hydrologist with {ORG}", "a farmer near {CITY}"],
        heads=["{X} forces thousands from homes near {CITY}", "{COUNTRY} declares emergency as {X} spreads",
               "{A} {X} hits {REGION}", "{ORG} warns of {A} {X} this summer", "{COUNTRY} {V} new {Y} targets"],
        sents=["More than {N} people were {V} from {CITY} as the {X} approached.",
               "Temperatures reached {TEMP} degrees Celsius in {CITY} on {DAY}, a record for {MONTH}.",
               "The {A} {X} has burned about {N} hectares since {DATE}.",
               "{ORG} said rainfall in {REGION} was {PCT} percent below the long-term average.",
               "{P} said {N2} people had died and {N3} were missing.",
               "The government pledged {MONEY} to help farmers hit by the {Y}.",
               "Scientists say {X} events are becoming more frequent as the planet warms."],
        quotes=["We have never seen anything like this", "The water came up in minutes",
                "This is what {Y} looks like now", "We lost everything, the house, the animals, everything"]),
    "sports": dict(
        weight=6,
        nouns=["championship", "final", "transfer", "coach", "penalty", "qualifier", "world record", "marathon",
               "grand slam", "playoffs", "injury", "season opener", "doping case", "stadium", "derby", "title race",
               "relegation", "Olympic team"],
        adjs=["dramatic", "late", "stunning", "comfortable", "home", "away", "defending", "unbeaten"],
        verbs=["won", "lost", "clinched", "equalized", "retired", "signed", "suspended", "defended"],
        titles=["coach", "captain", "striker", "goalkeeper", "team manager", "federation president", "sprinter"],
        orgs=["FIFA", "UEFA", "the International Olympic Committee", "the national federation",
              "the World Anti-Doping Agency", "the league"],
        appos=["a former international who now coaches in {CITY}", "a commentator for {OUTLET}"],
        heads=["{CITY} {V} {X} with {A} goal", "{P_SHORT} {V} {X} in {CITY}", "{DEM} team {V} {A} {X}",
               "{CITY} edge rivals in {X}", "{P_SHORT} sets {Y}"],
        sents=["{CITY} {V} the {X} {SCORE} in front of {N} fans on {DAY}.",
               "{P} scored in the {MINUTE}th minute after a {A} run down the left.",
               "The {A} champions are {N2} points clear with {N2B} games left.",
               "{P} finished the marathon in {N2} hours, breaking the course record.",
               "{ORG} opened disciplinary proceedings after the match in {CITY}.",
               "The club paid a reported {MONEY} for the {Y}."],
        quotes=["We showed character tonight", "It was not our best game, but we take the points",
                "The dressing room is united", "I have dreamed of this {X} since I was a child"]),
    "courts": dict(
        weight=6,
        nouns=["trial", "verdict", "indictment", "appeal", "fraud charges", "corruption case", "supreme court",
               "jury", "extradition", "bail hearing", "plea deal", "class action", "constitutional challenge",
               "money laundering", "police investigation", "arrest warrant", "sentencing", "testimony"],
        adjs=["federal", "high-profile", "landmark", "unanimous", "lengthy", "closed-door", "criminal", "civil"],
        verbs=["convicted", "acquitted", "charged", "sentenced", "overturned", "dismissed", "arrested", "appealed"],
        titles=["prosecutor", "judge", "defense lawyer", "attorney general", "police chief", "Justice Minister"],
        orgs=["the Supreme Court", "the Justice Ministry", "the prosecutor's office", "Interpol",
              "the anti-corruption bureau", "the police"],
        appos=["a law professor at {CITY} University", "a former prosecutor in {CITY}"],
        heads=["Court {V} former {COUNTRY} official in {X}", "{X} opens in {CITY}", "{ORG} {V} {Y} ruling",
               "Former {CO} executive {V} in {X}", "{CITY} police make {N2} arrests in {X}"],
        sents=["A court in {CITY} {V} the former executive of {CO} on {N2} counts of fraud.",
               "Prosecutors said the scheme diverted {MONEY} from public contracts between {YEAR} and {YEAR2}.",
               "{P} told the court the evidence was obtained illegally.",
               "The {A} {X} is expected to last {N2} weeks, with more than {N3} witnesses.",
               "{ORG} issued an {Y} for two suspects believed to be in {COUNTRY2}.",
               "The defendants face up to {N2} years in prison if convicted."],
        quotes=["My client is innocent and we will appeal", "No one is above the law",
                "Justice delayed is justice denied", "The evidence speaks for itself"]),
    "elections": dict(
        weight=7,
        nouns=["election", "runoff", "polls", "ballot", "parliament", "coalition", "referendum", "campaign",
               "turnout", "opposition", "constitution", "voter registration", "primary", "manifesto",
               "no-confidence vote", "cabinet reshuffle", "electoral commission", "senate"],
        adjs=["snap", "presidential", "parliamentary", "local", "early", "disputed", "narrow", "landslide"],
        verbs=["won", "conceded", "called", "postponed", "boycotted", "challenged", "formed", "dissolved"],
        titles=["President", "Prime Minister", "opposition leader", "Senator", "party chairman", "lawmaker",
                "campaign manager", "Interior Minister", "Governor"],
        orgs=["the electoral commission", "the ruling party", "the Social Democrats", "the Conservative Party",
              "the Green Party", "the Liberal Party", "the parliament", "the senate"],
        appos=["a political scientist at {CITY} University", "a pollster with {CO} Research",
               "a former lawmaker from {CITY}"],
        heads=["{COUNTRY} heads to {A} {X}", "{P_SHORT} {V} {X} in {COUNTRY}", "{A} {X} triggers protests in {CITY}",
               "{DEM} {Y} collapses after {X}", "Polls show tight race ahead of {COUNTRY} {X}"],
        sents=["Voters in {COUNTRY} go to the polls on {DAY} in a {A} {X}.",
               "Turnout stood at {PCT} percent by early afternoon, {ORG} said.",
               "{P} {V} the {X}, winning {PCT} percent of the vote.",
               "The {Y} controls {N2B} of the {N3} seats in the chamber.",
               "Thousands rallied in {CITY} {DATE} to demand a recount.",
               "Opinion polls put the opposition {N2} points ahead."],
        quotes=["The people have spoken", "We will not accept a stolen {X}", "This is a victory for democracy",
                "Our doors remain open to every party that shares our values", "We will respect the result"]),
    "science": dict(
        weight=4,
        nouns=["telescope", "spacecraft", "fossil", "genome", "rocket launch", "asteroid", "particle accelerator",
               "moon mission", "exoplanet", "dinosaur", "archaeological site", "coral reef", "species", "vaccine research"],
        adjs=["ancient", "distant", "newly discovered", "rare", "reusable", "crewed", "deep-sea", "peer-reviewed"],
        verbs=["discovered", "launched", "identified", "mapped", "excavated", "detected", "sequenced", "photographed"],
        titles=["astronomer", "paleontologist", "lead author", "mission director", "archaeologist", "biologist"],
        orgs=["NASA", "the European Space Agency", "the Royal Society", "the national academy of sciences", "CERN"],
        appos=["an astrophysicist at {CITY} University", "a curator at the {CITY} Natural History Museum"],
        heads=["Scientists {V} {A} {X} near {CITY}", "{ORG} {V} {X}", "{A} {X} sheds light on early life",
               "{X} named {CODE} stuns researchers"],
        sents=["Researchers {V} a {A} {X} in {REGION}, according to a study published {DATE}.",
               "The {X}, nicknamed {CODE}, is estimated to be {N} years old.",
               "{P} said the findings could change how scientists think about {Y}.",
               "The mission cost about {MONEY} and took {N2} years to plan.",
               "The team used data from {ORG} to confirm the observation."],
        quotes=["This is the discovery of a lifetime", "We did not expect to find anything like {CODE}",
                "It raises more questions than it answers"]),
    "transport": dict(
        weight=4,
        nouns=["airline", "rail strike", "flight cancellations", "port congestion", "airport", "high-speed rail",
               "traffic accident", "shipping route", "ferry", "bridge collapse", "metro line", "container ship",
               "fuel surcharge", "air traffic control"],
        adjs=["nationwide", "delayed", "overnight", "congested", "international", "regional", "new"],
        verbs=["canceled", "grounded", "reopened", "diverted", "collided", "opened", "suspended", "expanded"],
        titles=["Transport Minister", "airline chief executive", "union leader", "port director", "mayor"],
        orgs=["the aviation authority", "the transport ministry", "the rail operator", "the dockworkers' union",
              "the International Maritime Organization"],
        appos=["a transport analyst at {CO} Logistics", "a union official in {CITY}"],
        heads=["{X} strands thousands in {CITY}", "{CO} Airlines {V} flights amid {X}", "{CITY} opens {A} {Y}",
               "Ships {V} as {REGION} {X} worsens"],
        sents=["More than {N} flights were {V} at {CITY} airport on {DAY}.",
               "The {A} {X} will link {CITY} and {CITY2} in under {N2} hours.",
               "Container rates on the route have risen {PCT} percent since {MONTH}.",
               "{P} said services would return to normal by {DAY}.",
               "The strike, called by {ORG}, affected about {N} passengers."],
        quotes=["Passengers deserve better than this", "Safety is our first priority",
                "We had no choice but to strike"]),
    "agriculture": dict(
        weight=3,
        nouns=["wheat harvest", "grain exports", "fertilizer prices", "livestock", "rice", "cocoa prices",
               "coffee crop", "locust swarm", "food prices", "farm subsidies", "irrigation", "fisheries"],
        adjs=["bumper", "poor", "organic", "smallholder", "drought-hit", "seasonal"],
        verbs=["harvested", "exported", "banned", "subsidized", "planted", "rationed"],
        titles=["Agriculture Minister", "farmers' union leader", "commodity trader", "grower"],
        orgs=["the Food and Agriculture Organization", "the World Food Programme", "the Agriculture Ministry"],
        appos=["a farmer near {CITY}", "a grains analyst at {CO} Agri"],
        heads=["{COUNTRY} {V} {X} as prices climb", "{A} {X} expected in {REGION}", "{X} hit by {Y}"],
        sents=["Farmers in {REGION} {V} {N} tonnes of {X} this season.",
               "{ORG} said {N} people faced acute food shortages in {COUNTRY}.",
               "{X} rose {PCT} percent in {MONTH}, driven by higher {Y}.",
               "{P} said the government would buy grain at a guaranteed price."],
        quotes=["We cannot plant without fertilizer", "The rains came too late", "Prices at the market have doubled"]),
    "culture": dict(
        weight=3,
        nouns=["film festival", "museum", "novel", "concert", "exhibition", "box office", "streaming series",
               "literary prize", "heritage site", "opera", "album", "theater"],
        adjs=["acclaimed", "sold-out", "debut", "restored", "controversial", "long-awaited"],
        verbs=["premiered", "won", "reopened", "returned", "released", "honored"],
        titles=["director", "author", "curator", "singer", "actor", "festival director"],
        orgs=["UNESCO", "the culture ministry", "the national gallery", "the film academy"],
        appos=["a critic for {OUTLET}", "a curator at the {CITY} museum"],
        heads=["{A} {X} {V} in {CITY}", "{P_SHORT} wins {X}", "{CITY} {X} draws record crowds"],
        sents=["The {A} {X} {V} in {CITY} on {DAY} to a standing ovation.",
               "More than {N} visitors attended the {Y} in its first week.",
               "{P} said the work was inspired by her childhood in {CITY2}.",
               "The {X} earned {MONEY} in its opening weekend."],
        quotes=["Art has to make people uncomfortable", "I wrote it for my grandmother",
                "We wanted to tell a story that had never been told"]),
}

GENERIC = [
    "{P} did not respond to a request for comment.",
    "The {ORG_ANY} declined to comment on the matter {DATE}.",
    "The figures could not be independently verified.",
    "Local media in {CITY} reported similar accounts, citing unnamed officials.",
    "It was not immediately clear how many people were affected.",
    "The announcement came {DATE}, hours after a meeting in {CITY}.",
    "Similar measures were introduced in {COUNTRY2} in {YEAR}.",
    "The move drew criticism from opposition groups and business leaders alike.",
    "A spokesperson for {CO} said the company was reviewing the decision.",
    "Officials said a full assessment would be published by {MONTH}.",
    "The issue is expected to feature prominently at a regional meeting in {CITY2} next month.",
    "Critics say the plan does too little, too late.",
    "Residents interviewed in {CITY} were divided.",
    "The decision is likely to be challenged in court, according to legal experts.",
    "Further details were expected to be released on {DAY}.",
]

# Procedural commentary: subject + stance + claim + attribution. Thousands of combinations, each article uses a few,
# so background prose varies between articles instead of repeating one boilerplate paragraph.
SUBJ = ["Officials in {CITY}", "Analysts", "Residents", "Lawmakers", "Aid groups", "Business leaders", "Investors",
        "Local authorities", "Opposition figures", "Union representatives", "Diplomats", "Community leaders",
        "Several ministers", "Critics of the plan", "Supporters of the measure", "Economists", "Human rights groups",
        "Industry executives", "Veteran observers", "Teachers and parents", "Shopkeepers in {CITY}", "Military planners",
        "Regional governors", "Church leaders", "Student organizers", "Insurance companies", "Legal scholars",
        "Farmers' associations", "Western officials", "Neighboring governments", "Independent monitors"]
STANCE = ["have questioned whether", "expressed concern that", "argued that", "warned that", "acknowledged that",
          "insisted that", "pointed out that", "have long maintained that", "privately conceded that",
          "remain skeptical that", "publicly doubted that", "are increasingly convinced that", "noted that",
          "cautioned that", "complained that", "hoped that"]
CLAIM = ["the {X} would do little to ease pressure on households", "the timetable was unrealistic",
         "the costs had been badly underestimated", "the region could not absorb another shock",
         "the measures would be reviewed within {N2} months", "earlier promises about {Y} had not been kept",
         "the figures masked deep regional differences", "the funding would run out before the end of {YEAR}",
         "ordinary people were paying the price for political gridlock", "the {X} could set a precedent for {COUNTRY2}",
         "bureaucratic delays were slowing reconstruction", "smuggling networks had adapted faster than regulators",
         "the crisis had exposed long-standing weaknesses in infrastructure", "young people were leaving in growing numbers",
         "the government had underestimated public anger", "corruption allegations had eroded trust in institutions",
         "the agreement contained loopholes that could be exploited", "the harvest would be smaller than expected",
         "rising rents were pushing families out of {CITY}", "the pipeline of new projects had dried up",
         "a compromise on {Y} was within reach", "the outcome would shape policy for a decade",
         "the decision reflected pressure from powerful lobbyists", "volunteers were filling gaps left by the state",
         "hospitals and schools near {CITY2} had been neglected for years", "the currency's slide had wiped out savings",
         "foreign partners were losing patience", "the data pointed to a gradual recovery",
         "inspectors had flagged similar problems as early as {YEAR}", "a second wave of protests was likely",
         "the dispute over {Y} was really about money", "the navy had stepped up patrols in {REGION}",
         "insurers would raise premiums sharply", "the reforms had stalled in parliament",
         "drought and conflict together had created a humanitarian emergency", "fraudsters were exploiting the confusion",
         "the rules were written with large corporations in mind", "small businesses were struggling to borrow",
         "the telecommunications network had been restored in most districts", "refugees faced a bleak winter"]
TAIL = ["", "", "", " after {DATE}", ", according to people familiar with the discussions",
        ", citing figures from {ORG_ANY}", " in interviews with {OUTLET}", ", though few offered alternatives",
        " at a forum in {CITY2}", ", a view shared by some officials in {COUNTRY2}", " in a report released {DATE}"]
BACKGROUND = [
    "{CITY}, home to about {POP} people, has been at the center of the dispute for months.",
    "The last comparable episode, in {YEAR}, ended only after international mediation.",
    "{COUNTRY} imports roughly {PCT} percent of its fuel and much of its fertilizer.",
    "Tourism, once a major source of revenue for {CITY}, has yet to recover to its earlier levels.",
    "The {X} has become a defining issue for the government ahead of elections due in {YEAR_NEXT}.",
    "Satellite images reviewed by {OUTLET} showed damage to warehouses, roads and a railway depot.",
    "The province borders {COUNTRY2} and has a large population of seasonal workers.",
    "A parliamentary inquiry into the matter is scheduled to report its findings in {MONTH}.",
    "Since {YEAR}, successive governments have promised to modernize the aging network.",
    "The city's mayor has asked the central government for an emergency allocation of {MONEY}.",
    "Prices of bread, cooking oil and medicine have all risen sharply in recent weeks.",
    "Volunteers distributed blankets, bottled water and generators in the worst-hit neighborhoods.",
    "The port handles about a third of the country's exports, mainly minerals and timber.",
    "The university in {CITY2} suspended classes and moved lectures online.",
    "Previous attempts to reform the system foundered on opposition from regional elites.",
    "The incident revived memories of a similar disaster near {CITY2} in {YEAR}.",
    "Demonstrators carried banners and chanted slogans outside the ministry.",
    "Freight trains were rerouted through {COUNTRY2}, adding days to delivery times.",
    "The program was launched with great fanfare but has struggled to meet its targets.",
    "An independent audit found irregularities in {N2} of the contracts it examined.",
    "Roughly {PCT} percent of respondents in a recent survey said they expected conditions to worsen.",
    "The agency employs about {N3} staff and has offices in {N2} provinces.",
    "The archipelago's remote islands are reachable only by ferry or small aircraft.",
    "Snowfall and freezing temperatures complicated the rescue effort.",
    "Negotiators worked through the night in a hotel on the outskirts of {CITY}.",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CURRENCIES = ["euro", "yen", "pound", "rupee", "yuan", "won", "real", "peso", "lira", "rand", "hryvnia", "ruble"]
SAY = ["said", "said", "said", "told reporters", "told {OUTLET}", "said in a statement", "posted on X",
       "wrote on social media", "told a news conference", "added"]


class Article:
    """State of one article while it is written: who has been named already, where it happens, when."""

    def __init__(self, rng, topic_name, published):
        self.rng = rng
        self.topic_name = topic_name
        self.topic = TOPICS[topic_name]
        self.published = published
        self.place = rng.choice(PLACES)
        self.other_places = rng.sample(PLACES, 3)
        self.people = []      # [first, last, title, appositive or None, female]
        self.mentioned = set()
        self.used = set()         # (pool, index) of templates already used: an article does not repeat itself
        self.companies = [company(rng) for _ in range(2)]
        self.code = code_name(rng)
        for _ in range(rng.randint(2, 4)):
            self.people.append(self.new_person())

    def new_person(self):
        r = self.rng
        title = r.choice(self.topic["titles"])
        appos = r.choice(self.topic["appos"]) if r.random() < 0.35 else None
        return [r.choice(FIRST), r.choice(LAST), title, appos, r.random() < 0.5]

    def person(self):
        """A person reference: full name with title or appositive at first mention, surname afterwards."""
        r = self.rng
        p = r.choice(self.people)
        key = p[1]
        if key in self.mentioned:
            return p[1]
        self.mentioned.add(key)
        first, last, title, appos, _ = p
        if appos:
            return f"{first} {last}, {self.fill(appos)},"
        demonym = self.place[2] if r.random() < 0.4 else ""
        if title[0].isupper():
            return f"{demonym + ' ' if demonym else ''}{title} {first} {last}".strip()
        return f"{first} {last}, {title_with_article(title)},"

    def date_phrase(self):
        r = self.rng
        k = r.random()
        if k < 0.35:
            return "on " + DAYS[(self.published - dt.timedelta(days=r.randint(0, 6))).weekday()]
        if k < 0.5:
            return r.choice(["last week", "earlier this month", "last month", "this week", "overnight", "on Sunday"])
        d = self.published - dt.timedelta(days=r.randint(1, 400))
        if k < 0.75:
            return f"on {MONTHS[d.month - 1]} {d.day}"
        return f"on {MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"

    def fill(self, template):
        r = self.rng
        t = self.topic
        out = template
        # Each slot is filled independently at each occurrence; the loop bounds the work per template.
        for _ in range(12):
            start = out.find("{")
            if start < 0:
                break
            end = out.find("}", start)
            slot = out[start + 1:end]
            out = out[:start] + self.slot(slot, r, t) + out[end + 1:]
        return out

    def slot(self, slot, r, t):
        if slot == "P":
            return self.person()
        if slot == "P_SHORT":
            return r.choice(self.people)[1]
        if slot in ("X", "Y"):
            return r.choice(t["nouns"])
        if slot == "A":
            return r.choice(t["adjs"])
        if slot == "V":
            return r.choice(t["verbs"])
        if slot == "ORG":
            return r.choice(t["orgs"])
        if slot == "ORG_ANY":
            return r.choice(TOPICS[r.choice(TOPIC_NAMES)]["orgs"]).removeprefix("the ")
        if slot == "CO":
            return r.choice(self.companies)
        if slot == "CITY":
            return self.place[0] if r.random() < 0.6 else r.choice(self.other_places)[0]
        if slot == "CITY2":
            return r.choice(self.other_places)[0]
        if slot == "COUNTRY":
            c = self.place[1]
            return c
        if slot == "COUNTRY2":
            return r.choice(self.other_places)[1]
        if slot == "DEM":
            return self.place[2]
        if slot == "DEM2":
            return r.choice(self.other_places)[2]
        if slot == "REGION":
            return r.choice(REGIONS)
        if slot == "N":
            return number_words(r)
        if slot in ("N2", "N2B"):
            return str(r.choice([2, 3, 4, 5, 6, 7, 10, 12, 14, 15, 20, 21, 30, 45, 60, 90]))
        if slot == "N3":
            return f"{r.randint(40, 990):,}"
        if slot in ("PCT", "PCT2"):
            return f"{r.randint(0, 60)}.{r.randint(0, 9)}" if r.random() < 0.7 else str(r.randint(1, 95))
        if slot == "PCT3":
            return f"{r.randint(0, 9)}.{r.randint(1, 9)}"
        if slot == "BP":
            return str(r.choice([25, 50, 75, 100]))
        if slot in ("MONEY", "MONEY2"):
            return money(r)
        if slot == "PRICE":
            return f"${r.randint(55, 120)}.{r.randint(10, 99)}"
        if slot == "TEMP":
            return str(r.randint(38, 49))
        if slot == "DATE":
            return self.date_phrase()
        if slot == "DAY":
            return r.choice(DAYS)
        if slot == "MONTH":
            return r.choice(MONTHS)
        if slot == "YEAR_NEXT":
            return str(self.published.year + r.randint(1, 2))
        if slot == "POP":
            return f"{r.randint(1, 9)}.{r.randint(1, 9)} million" if r.random() < 0.4 else f"{r.randint(50, 990):,},000"
        if slot in ("YEAR", "YEAR2"):
            return str(r.randint(1991, self.published.year))
        if slot == "CUR":
            return r.choice(CURRENCIES)
        if slot == "CODE":
            return self.code
        if slot == "OUTLET":
            return r.choice(OUTLETS).split(".")[0].replace("-", " ").title()
        if slot == "SCORE":
            return f"{r.randint(1, 4)}-{r.randint(0, 3)}"
        if slot == "MINUTE":
            return str(r.randint(4, 90))
        return slot


TOPIC_NAMES = list(TOPICS)
TOPIC_WEIGHTS = [TOPICS[n]["weight"] for n in TOPIC_NAMES]


def title_with_article(title):
    return ("an " if title[0] in "aeiou" else "a ") + title


def number_words(r):
    k = r.random()
    if k < 0.3:
        return f"{r.randint(2, 99)}"
    if k < 0.7:
        return f"{r.randint(100, 99_999):,}"
    if k < 0.85:
        return f"{r.randint(1, 9)}.{r.randint(1, 9)} million"
    return r.choice(["dozens of", "hundreds of", "thousands of", "tens of thousands of"])


def money(r):
    unit = r.choice(["million", "billion"])
    cur = r.choice(["$", "$", "$", "€", "£"])
    return f"{cur}{r.randint(1, 950)}{'.' + str(r.randint(1, 9)) if r.random() < 0.5 else ''} {unit}"


def company(r):
    if r.random() < 0.3:
        return code_name(r) + " " + r.choice(BRAND_B)
    return " ".join(x for x in (r.choice(BRAND_A), r.choice(BRAND_B), r.choice(BRAND_C)) if x)


def code_name(r):
    return "".join(r.choice(SYL) for _ in range(r.randint(2, 3))).capitalize()


def quote_sentence(art):
    """A quote, attributed; some lack their closing mark, as in real wire copy."""
    r = art.rng
    first = unused(art, art.topic["quotes"], "quote")
    if first is None:
        return commentary(art)
    text = art.fill(first)
    more = unused(art, art.topic["quotes"], "quote") if r.random() < 0.3 else None
    if more:
        text += ". " + art.fill(more)
    speaker = art.person()                 # "Surname", "Title First Last" or "First Last, appositive,"
    verb = art.fill(r.choice(SAY))
    k = r.random()
    if k < 0.07:
        return f'{speaker} {verb}: "{text}.'                      # missing closing mark, as in real copy
    if k < 0.45:
        return f'"{text}," {speaker} {verb}.'
    if k < 0.7:
        return f'{speaker} {verb}: "{text}."'
    if k < 0.85:
        he = "she" if r.random() < 0.5 else "he"
        return f'"{text}," {he} {verb}.'
    return f"{speaker} {verb} that {text[0].lower()}{text[1:]}."


def unused(art, pool, kind):
    """A template of pool not yet used in this article (None when a few tries find none)."""
    for _ in range(6):
        i = art.rng.randrange(len(pool))
        if (kind, i) not in art.used:
            art.used.add((kind, i))
            return pool[i]
    return None


def commentary(art):
    r = art.rng
    return art.fill(f"{r.choice(SUBJ)} {r.choice(STANCE)} {r.choice(CLAIM)}{r.choice(TAIL)}.")


def sentence(art, second):
    r = art.rng
    k = r.random()
    if k < 0.24:
        return quote_sentence(art)
    if k < 0.5:
        tpl = unused(art, art.topic["sents"], "topic")
        if tpl:
            return art.fill(tpl)
    if second is not None and k < 0.6:
        tpl = unused(art, second["sents"], "second")
        if tpl:
            saved, art.topic = art.topic, second
            try:
                return art.fill(tpl)
            finally:
                art.topic = saved
    if k < 0.7:
        tpl = unused(art, BACKGROUND, "background")
        if tpl:
            return art.fill(tpl)
    if k < 0.76:
        tpl = unused(art, GENERIC, "generic")
        if tpl:
            return art.fill(tpl)
    return commentary(art)


def paragraphs(art, target_words):
    r = art.rng
    t = art.topic
    second = TOPICS[r.choice(TOPIC_NAMES)] if r.random() < 0.25 else None
    paras = []
    words = 0
    # Lead: optional dateline, then the topic's core sentence.
    lead = art.fill(unused(art, t["sents"], "topic"))
    if r.random() < 0.5:
        d = art.published
        lead = f"{art.place[0].upper()}, {MONTH_ABBR[d.month - 1]} {d.day} — {lead}"
    paras.append(lead)
    words += len(lead.split())
    guard = 0
    while words < target_words and guard < 200:
        guard += 1
        sentences = []
        for _ in range(r.choice([1, 2, 2, 3])):
            s = sentence(art, second)
            s = s[0].upper() + s[1:]
            if r.random() < 0.08:                               # occasionally bring in a new voice
                art.people.append(art.new_person())
            sentences.append(s)
        p = " ".join(sentences)
        n = len(p.split())
        if words + n > 900:
            break
        paras.append(p)
        words += n
    return paras


AN = re.compile(r"\b([Aa]) (?=[AEIOaeio](?!ne\b)|[Uu]n|[Hh]our)")


def a_an(text):
    return AN.sub(lambda m: m.group(1) + "n ", text)


def article(index, seed):
    # One Random per article, seeded from (seed, index): any slice of the corpus can be regenerated alone.
    r = random.Random(f"{seed}:{index}")
    topic = r.choices(TOPIC_NAMES, TOPIC_WEIGHTS)[0]
    base = dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc)
    published = base + dt.timedelta(seconds=r.randint(0, 912 * 86400))
    art = Article(r, topic, published)
    title = art.fill(r.choice(art.topic["heads"]))
    art.mentioned.clear()                                       # the headline does not introduce anyone
    title = title[0].upper() + title[1:]
    body = a_an("\n\n".join(paragraphs(art, r.randint(350, 840))))
    title = a_an(title)
    source = r.choice(OUTLETS)
    a = f"{r.choice(FIRST)} {r.choice(LAST)}"
    author = a.upper() if r.random() < 0.15 else a
    if r.random() < 0.15:
        author += f" and {r.choice(FIRST)} {r.choice(LAST)}"
    return {
        "title": title,
        "body": body,
        "author": author,
        "source": source,
        "publishedAt": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "externalId": f"{source.split('.')[0]}-{published:%Y%m%d}-{seed}-{index:07d}",
    }


def queries(seed, count=400):
    """Search queries a reader would type: single words, two words, a quoted phrase, an `or`, an exclusion."""
    r = random.Random(f"{seed}:queries")
    out = []
    multi = [n for t in TOPICS.values() for n in t["nouns"] if " " in n]
    single = [n for t in TOPICS.values() for n in t["nouns"] if " " not in n]
    places = [p[0] for p in PLACES] + [p[1].removeprefix("the ") for p in PLACES]
    kinds = ["word", "word", "place", "surname", "two", "two", "phrase", "or", "exclude", "company"]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        if kind == "word":
            q = r.choice(single)
        elif kind == "place":
            q = r.choice(places)
        elif kind == "surname":
            q = r.choice(LAST)
        elif kind == "two":
            t = TOPICS[r.choice(TOPIC_NAMES)]
            q = f"{r.choice(t['nouns'])} {r.choice(places)}" if r.random() < 0.5 else r.choice(multi)
        elif kind == "phrase":
            q = f'"{r.choice(multi)}"' if r.random() < 0.6 else f'"{r.choice(FIRST)} {r.choice(LAST)}"'
        elif kind == "or":
            t = TOPICS[r.choice(TOPIC_NAMES)]
            a, b = r.sample(t["nouns"], 2)
            q = f"{a} or {b}"
        elif kind == "exclude":
            t = TOPICS[r.choice(TOPIC_NAMES)]
            q = f"{r.choice(t['nouns'])} -{r.choice(places).split()[0]}"
        else:
            q = f"{r.choice(BRAND_A)} {r.choice(BRAND_B)}"
        out.append(q)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20250323)
    ap.add_argument("--start-index", type=int, default=0, help="first article index (a disjoint slice: other articles)")
    ap.add_argument("--out", default="-", help="NDJSON output file (default stdout)")
    ap.add_argument("--queries", help="also write search queries, one a line, to this file")
    args = ap.parse_args()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    try:
        for i in range(args.start_index, args.start_index + args.articles):
            out.write(json.dumps(article(i, args.seed), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.queries:
        with open(args.queries, "w", encoding="utf-8", newline="\n") as f:
            for q in queries(args.seed):
                f.write(q + "\n")


if __name__ == "__main__":
    main()
