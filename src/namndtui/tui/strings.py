"""All Swedish UI text of the app, in one place.

Code identifiers are English; everything a user reads is here. Strings with `{}` fields
are filled with `str.format` and then shown as plain text (never markup).
"""

from __future__ import annotations

from namndtui.vocabulary import AGENDA_FIXED, STATUS_PHRASES

APP_TITLE = "namndtui"

# --- status line -------------------------------------------------------------------------
QUORUM_OK = "Beslutför {present}/{seats}"
QUORUM_LOST = "EJ BESLUTFÖR {present}/{seats}"
SAVED_AT = "Sparat {time}"
NOTHING_SAVED = "Inget registrerat ännu"
READONLY = "SKRIVSKYDDAT"
REVIEW = "GRANSKNING"
NO_PARAGRAPH = "§ –"
PROSPECTIVE_PARAGRAPH = "§ {number}?"  # dim: the § the item gets if taken in agenda order
MINUTES_WRITTEN = "Protokollet uppdaterat"
MINUTES_FAILED = "Protokollet kunde inte skrivas: {reason}"
# Justered minutes on disk that the app would change behind the journal's back (an edited
# meeting.toml or journal; namndtui.minutes.revision): not rewritten, and said so.
MINUTES_JUSTERED = (
    "Protokollet är justerat och skrivs inte om – det nya skiljer sig: {changes}. Filerna "
    "på disken är oförändrade; en ny version skrivs med namndtui export --force."
)
UNSEALED = (
    "{path}: protokollet är justerat men ej förseglat (skrivet före sigillet); "
    "namndtui export förseglar det"
)
MINUTES_BUG = (
    "Protokollet kunde inte skrivas – ett fel i programmet ({reason}). Det som "
    "registrerats är sparat i journalen; kontakta support."
)

# --- agenda ------------------------------------------------------------------------------
AGENDA_TITLE = "Föredragningslista"
STATUS_MARKS = {
    "pending": " ",
    "in_progress": "»",
    "decided": "✓",
    "tabled": "‖",
    "referred_back": "↩",
}
STATUS_NAMES = STATUS_PHRASES  # namndtui.vocabulary
OJ_MARK = "OJ"

# --- item view ---------------------------------------------------------------------------
# Dnr: always `Item.dnr_label` (the data may or may not say "Dnr" already)
OFFICER = "Handläggare: {officer}"
CATEGORY = "{category}"
PROPOSED_DECISION = "Förslag till beslut"
ATTACHMENTS = "Bilagor"
PROPOSED_OJ = "Förvaltningen föreslår omedelbar justering."
NO_SECTIONS = "Ärendet har ingen text."
REPORT_TAB = "Tjänsteutlåtande"
MINUTES_TAB = "Protokoll"
MINUTES_RENDER_FAILED = (
    "Paragrafen kunde inte återges som i protokollet – ett fel i programmet "
    "({reason}). Det som registrerats är sparat i journalen; kontakta support."
)
EMPTY_MEETING = "Föredragningslistan är tom."
SECTION_NONE = "Ärendet har inga fler avsnitt."

# --- bindings: short labels for the footer (it must fit 80 columns), long ones for help ---
KEY_UP = "Upp"
KEY_DOWN = "Ned"
HELP_AGENDA_MOVE = "Flytta i föredragningslistan (markerat ärende = aktuellt)"
KEY_FIRST = "Första"
KEY_LAST = "Sista"
KEY_DECIDE = "Bifall"
KEY_EDIT_DECISION = "Beslutstext"
KEY_OJ = "OJ"
KEY_SECRECY = "Sekretess"
KEY_MOTION = "Yrka"
KEY_WITHDRAW = "Återta yrkande"
KEY_JOIN = "Instäm"
KEY_FINDING = "Proposition"
KEY_VOTE = "Votera"
KEY_CORRECT = "Rätta"
KEY_RESERVATION = "Reserv."
KEY_NOTE = "Anteckn."
KEY_ATTENDANCE = "Närvaro"
KEY_RECUSAL = "Jäv"
KEY_TABLE = "Bordlägg"
KEY_REFER_BACK = "Återremiss"
KEY_MEETING = "Öppna/avsluta"
KEY_ADJOURN = "Ajournera"
KEY_UNDO = "Ångra"
KEY_REDO = "Gör om"
KEY_VIEW = "Protokoll"
KEY_NEXT_SECTION = "Nästa avsnitt"
KEY_PREV_SECTION = "Föreg. avsnitt"
KEY_PAGE_DOWN = "Bläddra ned"
KEY_PAGE_UP = "Bläddra upp"
KEY_IMPORT = "Ärende från fil"
PALETTE_THEME = "Färgtema"
PALETTE_THEME_HELP = "Byt färgtema"
PALETTE_PLACEHOLDER = "Sök ärende (§, titel, Dnr) eller kommando …"
PALETTE_NO_MATCHES = "Inga träffar"
THEME_PLACEHOLDER = "Sök färgtema …"
QUIT_HINT = "Tryck {key} för att avsluta."
QUIT_HINT_TITLE = "Vill du avsluta?"
KEY_PALETTE = "Kommandon"
KEY_HELP = "Hjälp"
KEY_QUIT = "Avsluta"
KEY_FOCUS = "Byt fält"
# Help screen and command palette: the whole sentence (binding.tooltip).
HELP_DECIDE = "Bifall: beslut enligt förslaget till beslut"
HELP_EDIT_DECISION = "Skriv eller ändra beslutstexten"
HELP_OJ = "Omedelbar justering av/på"
HELP_SECRECY = "Sekretess av/på för ärendet (innan det avgörs): webbversionen redovisar det inte"
HELP_MOTION = "Yrkande: vem, slag, text, instämmanden"
HELP_WITHDRAW = "Återta ett yrkande"
HELP_JOIN = "Instäm i ett yrkande"
HELP_FINDING = "Proposition och ordförandens beslut"
HELP_VOTE = "Votering (omgångarna i tur och ordning)"
HELP_CORRECT = (
    "Rätta en röst i en räknad votering eller ett yrkandes text (utan att ångra det som kom efter)"
)
HELP_RESERVATION = "Reservation (bara den som får; annars skälet)"
HELP_NOTE = "Protokollsanteckning"
HELP_ATTENDANCE = "Närvaro, ersättare, justerare och justering"
HELP_RECUSAL = "Jäv: vem lämnar, vem tjänstgör i stället"
HELP_TABLE = "Bordlägg ärendet"
HELP_REFER_BACK = "Återremittera ärendet"
HELP_MEETING = "Öppna sammanträdet / avsluta det"
HELP_ADJOURN = "Ajournera sammanträdet / återuppta det"
HELP_UNDO = "Ångra det senast registrerade"
HELP_REDO = "Gör om det som ångrades"
HELP_VIEW = "Växla mellan tjänsteutlåtandet och protokollet för paragrafen"
HELP_IMPORT = "Lägg till ärende från fil… (bara innan något registrerats)"
HELP_HELP = "Hjälp: alla tangenter"
HELP_QUIT = "Avsluta (protokollet skrivs; väntar något på att sparas frågar programmet först)"

# --- notices -----------------------------------------------------------------------------
UNDONE = "Ångrade: {what}"
REDONE = "Gjorde om: {what}"
NOTHING_TO_UNDO = "Det finns inget att ångra."
NOTHING_TO_REDO = "Det finns inget att göra om."
READONLY_REFUSED = "Skrivskyddat: {reason}"
REVIEW_REASON = "protokollet granskas, det kan inte ändras här"
NO_RECORD_REASON = "inget mötesprotokoll är öppet"
REFUSED = "Går inte: {reason}"
SAVE_FAILED = "Kunde inte spara: {reason}"
DECIDED = "§ {number}: beslut enligt förslaget"
DECIDED_ALREADY = "§ {number} är redan beslutad enligt förslaget."
CONFIRM_REPLACE = (
    "§ {number} har redan ett beslut: ”{decision}” Ersätta det med förslaget till beslut?"
)
CONFIRM_REPLACE_LOCKED = (
    "§ {number} är justerad och har beslutet: ”{decision}” Rätta det till förslaget till "
    "beslut (en rättelse med skäl)?"
)
DECISION_SAVED = "§ {number}: beslutet registrerat"
OJ_ON = "§ {number}: omedelbar justering"
OJ_OFF = "§ {number}: ingen omedelbar justering"
SECRECY_ON = "{title}: omfattas av sekretess ({ground}); webbversionen redovisar inte ärendet"
SECRECY_OFF = "{title}: ingen sekretess; ärendet redovisas i webbversionen"
SECRECY_MARK = "SEKRETESS"  # the agenda's mark of a secret item
SECRECY_BANNER = "Sekretess ({ground})"  # above the report of a secret item
RESERVATION_TEXT_SAVED = "§ {number}: skriftlig reservation av {who}"
RESERVATION_ADD_TEXT = " – har reserverat sig: lämna skriftlig text"
RESERVATION_TEXT_NEEDED = "Skriv den skriftliga reservationen."
RESERVATION_SAVED = "§ {number}: reservation av {who}"
NOTE_SAVED = "§ {number}: protokollsanteckning"
MOTION_SAVED = "§ {number}: yrkande av {who}"
NO_PROPOSED_DECISION = "Ärendet saknar förslag till beslut – skriv beslutet med {key}."
DECIDE_NOT_PROPOSAL = "Nämnden beslutade enligt {label}, inte förvaltningens förslag – {hint}."
ADOPTED_HINTS = {
    "avslag": "skriv beslutet med e (förslag: avslag)",
    "ändring": "skriv beslutet med e (yrkandets text är förifylld)",
    "tillägg": "skriv beslutet med e (tillägget är förifyllt)",
    "eget": "skriv beslutet med e (yrkandets text är förifylld)",
    "bifall": "skriv beslutet med e (yrkandets text är förifylld)",
    "återremiss": "registrera återremissen med s",
    "bordläggning": "bordlägg ärendet med t",
}
DECISION_REJECTED = "Nämnden avslår förvaltningens förslag."
NO_MOTIONS = "Inga yrkanden på ärendet."
TABLED = "§ {number}: bordlagt"
REFERRED_BACK = "§ {number}: återremitterat"
MEETING_OPENED = "Sammanträdet öppnat kl. {time}"
MEETING_CLOSED = "Sammanträdet avslutat kl. {time}"
MEETING_ADJOURNED = "Sammanträdet ajournerat kl. {time}; A igen när det återupptas"
MEETING_RESUMED = "Sammanträdet återupptaget kl. {time}"
ADJOURN_NOT_OPEN = "Sammanträdet är inte öppnat (m öppnar det)."
ADJOURNED = "AJOURNERAT"
CLOSED = "AVSLUTAT"
NO_ITEMS = "Föredragningslistan är tom."
WARNINGS = "Varning: {text}"
QUIT_WRITING = "Skriver protokollet …"

NO_ROLL_CALL = "Upprop saknas – tryck n"
ROLL_CALL_QUESTION = (
    "Ingen närvaro är registrerad. Registrera alla ordinarie ledamöter som närvarande?\n"
    "[Enter] Ja / [Esc] Nej, öppna närvaron"
)
ROLL_CALL_YES = "Ja, alla ordinarie"
ROLL_CALL_NO = "Nej, öppna närvaron"
ROLL_CALL_DONE = "Upprop: {count} ordinarie närvarande"
VIEW_HINT_REPORT = "p: Protokoll"
VIEW_HINT_MINUTES = "p: Tjänsteutlåtande"

# --- dialogs -----------------------------------------------------------------------------
OK = "OK"
CANCEL = "Avbryt"
SAVE = "Spara"
CLOSE = "Stäng"
YES = "Ja"
NO = "Nej"
ERROR_TITLE = "Något gick fel"
HELP_TITLE = "Tangenter"
HELP_FOOTER_NOTE = (
    "Nederkanten visar de vanligaste tangenterna; alla finns här och i kommandopaletten (ctrl+p)."
)
PALETTE_KEY = "Tangent: {key}"
PALETTE_GO_TO = "Gå till ärendet"
MOTION_TITLE = "Yrkande – § {number} {title}"
MOTION_MEMBER = "Vem yrkar? (skriv för att filtrera på namn eller parti)"
MOTION_KIND = "Slag av yrkande"
MOTION_TEXT = "Yrkandets text (valfri)"
MOTION_JOINED = "Instämmer (markera med mellanslag)"
MOTION_NEED_MEMBER = "Välj vem som yrkar."
PICK_NEED = "Välj en person i listan."
JOIN_NEED_MEMBER = "Välj vem som instämmer."
RECUSAL_NEED_MEMBER = "Välj vem som är jävig."
SERVES_NEED_SEAT = "Välj vems plats ersättaren tjänstgör på."
RESERVATION_NEED_MEMBER = "Välj vem som reserverar sig."
CORRECTION_TITLE = "Rättelse – § {number} {title} (paragrafen är justerad)"
# The reason is kept in the journal and protokoll.toml; the printed minutes carry no change
# log (PRACTICE.md, "Corrections"), so the form does not promise to print it.
CORRECTION_REASON = "Skäl för rättelsen (sparas i journalen och protokoll.toml, trycks inte)"
CORRECTION_SAVED = "§ {number}: rättelse registrerad"
SEAL_NOT_SIGNED = (
    "Rättelsen är registrerad, men protokollets nya sigill är det inte: {reason}. Rätta "
    "nyckeln och kör namndtui export, som registrerar och signerar sigillet."
)
SEAL_UNRECORDED = (
    "Protokollet är justerat, men dess nuvarande sigill är inte registrerat i journalen "
    "(t.ex. efter en rättelse när nyckeln inte gick att använda). Avsluta och kör "
    "namndtui export, som registrerar och signerar sigillet; namndtui validate visar läget."
)
DECISION_TITLE = "Beslut – § {number} {title}"
DECISION_HELP = "En beslutspunkt per rad."
DECISION_EMPTY = "Beslutet kan inte vara tomt."
NOTE_TITLE = "Protokollsanteckning – § {number}"
NOTE_BY = "Vem (valfritt: skriv för att söka ledamot, eller skriv ett annat namn/parti)"
NOTE_BY_OTHER = "annan: {name}"
NOTE_TEXT = "Anteckningens text"
NOTE_EMPTY = "Skriv anteckningens text."
RESERVATION_TITLE = "Reservation – § {number}"
RESERVATION_WHO = "Vem reserverar sig?"
RESERVATION_TEXT = "Skriftlig reservation (valfri, kan komma senare)"
RESERVATION_NOT_ALLOWED = "Kan inte reservera sig – {who}: {reason}"
RESERVATION_MORE = "… och {count} skäl till"
RESERVATION_NONE = "Ingen kan reservera sig på ärendet: {reason}"
RESERVATION_WHO_MAY = (
    "bara den som deltog i beslutet och yrkade eller röstade emot det kan reservera sig "
    "(KL 4 kap. 27 §)."
)
FINDING_BEFORE_VOTE_TITLE = "Proposition före voteringen – § {number}: {question}"
FINDING_TITLE = "Proposition – § {number}: {question}"
FINDING_ORDER = "Kvar att pröva, i föreslagen ordning:"
FINDING_PICK = "Ordföranden finner att:"
QUESTION_PICK_TITLE = "Vilken fråga ställs först? – § {number}"
NO_QUESTION = (
    "Ingen fråga återstår att ställa proposition på (med ett enda förslag behövs ingen): "
    "b eller e registrerar beslutet."
)
NEXT_QUESTION = "§ {number}: nästa fråga (f): {question}"
VOTE_STILL_OPEN = "§ {number}: voteringen pågår fortfarande (v fortsätter den): {question}"
QUESTIONS_DONE = "§ {number}: alla frågor är prövade – b eller e registrerar beslutet."
ITEM_ENDS = "§ {number}: ärendet {outcome}; ärendet avslutas här."
# The minority right (meeting.toml minority_right; record/minority.py), offered by f.
MINORITY_CHOICE = "begärd av minoritet ({noun}) – ange hur många som begär det"
MINORITY_TITLE = "Begärd av minoritet – § {number}: {noun}"
MINORITY_LABEL = "Antal som begär det ({present} tjänstgör; minst {needed}, {share}):"
MINORITY_NOT_A_NUMBER = "Ange antalet som begär det med siffror, t.ex. 4."
VOTE_NOTHING = (
    "Ingen fråga att votera om: med ett enda förslag behövs ingen proposition, och de "
    "frågor som ställts är avgjorda."
)
VOTE_QUESTION = "Fråga: {question}"
KEY_PRESENTER = "Föredragande"
HELP_PRESENTER = "Föredragande: vem som föredrog ärendet (valfritt, enter utan text hoppar över)"
PRESENTER_TITLE = "Föredragande – § {number}"
PRESENTER_WHO = "Vem föredrar ärendet? (valfritt)"
PRESENTER_SAVED = "§ {number}: föredragande {who}"
KEY_ADJUSTMENT_NOTE = "Justeringsanteckning"
HELP_ADJUSTMENT_NOTE = (
    "Justeringsanteckning: en justerares invändning mot paragrafen (vid eller före "
    "justeringen, även efter avslutningen)"
)
ADJUSTMENT_NOTE_TITLE = "Justeringsanteckning – § {number}"
ADJUSTMENT_NOTE_WHO = "Vilken justerare?"
ADJUSTMENT_NOTE_TEXT = "Anteckningens text"
ADJUSTMENT_NOTE_SAVED = "§ {number}: justeringsanteckning av {who} registrerad"
ADJUSTMENT_NOTE_NO_ADJUSTERS = "Inga justerare är valda (n, u på en ledamot)."
VOTE_DEMANDED_TITLE = "Votering – § {number}"
VOTE_DEMANDED_BY = "Votering begärs av (valfritt – enter hoppar över)"
WITHDRAW_TITLE = "Återta yrkande – § {number}"
JOIN_TITLE = "Instäm i yrkande – § {number}"
JOIN_WHO = "Vem instämmer?"
RECUSAL_TITLE = "Jäv – § {number}"
RECUSAL_WHO = "Vem är jävig och lämnar?"
RECUSAL_SUB = "Ersättare som tjänstgör i stället (valfritt)"
REFER_TITLE = "Återremiss – § {number}"
REFER_REASON = "Motivering (valfri)"
CONFIRM_TABLE = "Bordlägga § {number} {title}?"
CONFIRM_CLOSE = "Avsluta sammanträdet kl. {time}?"
CLOSE_PENDING = "{count} ärenden är inte behandlade."
VOTE_TITLE = "Votering – § {number}, omgång {round}"
VOTE_COUNTER = "Kontrapropositionsvotering: vilket förslag ställs mot huvudförslaget?"
VOTE_MAIN = "Huvudvotering"
VOTE_YES_FOR = "Ja för: {label}"
VOTE_NO_FOR = "Nej för: {label}"
VOTE_TALLY = "Ja {ja} · Nej {nej} · Avstår {avstar} · Ej röstat {left}"
VOTE_KEYS = "1 = ja · 2 = nej · 3 = avstår · j/k/↑/↓ flytta · enter = räkna · esc = avbryt"
VOTE_POINTER = "▶"
VOTE_SERVES_FOR = "{name} (ers. för {seat})"
BALLOT_TITLE = "Rätta röst – § {number}, omgång {round} (räknad)"
BALLOT_KEYS = "1 = ja · 2 = nej · 3 = avstår (rättar raden) · j/k/↑/↓ flytta · enter/esc = klar"
BALLOT_ASK = "Rätta {member}s röst från {before} till {after}? Tryck samma tangent igen"
BALLOT_CORRECTED = "Röst rättad: {member} {before} → {after}"
BALLOT_OUTCOME_CHANGED = "Rättelsen ändrade voteringens utfall – kontrollera beslutet (e)"
CORRECT_TITLE = "Rätta – § {number}"
CORRECT_HINT = "Rättar det som registrerats utan att ångra det som kom efter"
CORRECT_BALLOT = "Röst i votering {round} ({tally})"
CORRECT_MOTION = "Yrkandets text: {label}"
CORRECT_NOTHING = "§ {number}: inga räknade voteringar eller yrkanden att rätta"
MOTION_AMEND_LABEL = "Yrkandets text som det lades"
MOTION_AMENDED = "§ {number}: yrkande ändrat ({motion})"
VOTE_CHANGE_ASK = (
    "{member} har röstat {before} – tryck samma tangent igen för att ändra till {after}"
)
VOTE_CHANGED = "Röst ändrad: {member} {before} → {after}"
VOTE_TIE_CHAIR = "Lika röstetal: ordförandens röst ({vote}) är utslagsröst"
VOTE_LEFT_OPEN = "Voteringen är inte avslutad: v fortsätter den, ctrl+z tar bort rösterna"
VOTE_TIE = "Lika röstetal – ordförandens utslagsröst: 1 = ja, 2 = nej"
VOTE_RESULT = "Resultat: {label}"
VOTE_PICK_YES = "Ja för (huvudförslaget)"
VOTE_PICK_NO = "Nej för"
VOTE_COLUMNS = ("Ledamot", "Parti", "Röst")
VOTE_NOT_ALL = "{left} har inte röstat – räkna ändå? (enter igen)"
ATTENDANCE_TITLE = "Närvaro"
ATTENDANCE_KEYS = (
    "mellanslag = närvarande/frånvarande · e = ersättare tjänstgör för … · "
    "a = ankommer vid aktuell § · l = lämnar vid aktuell § · u = justerare · "
    "U = ersättare för justerare · t = justering · / = sök namn · home/end = första/sista"
)
ADJUSTER_SUBSTITUTE_MARK = "ers."
# The name with its party first; the seat served before the justerare mark: who serves
# for whom counts in every vote (at 80 columns a long Närvaro cell leaves no room for both).
ATTENDANCE_COLUMNS = ("Namn", "Roll", "Närvaro", "Ersätter", "Justerare")
# Under a width (tui/roster_layout.py): the same columns, the mark column's heading short.
ATTENDANCE_COLUMNS_SHORT = ("Namn", "Roll", "Närvaro", "Ersätter", "Just.")
PRESENT = "närvarande"
# A row's latest arrival or departure: at which § and at what time ("kl. 19.10").
PRESENT_FROM = "från § {number}"
LEFT_AT = "lämnade vid § {number}"
AT_TIME = "{when} kl. {time}"
# Under the table, the highlighted row: every arrival and departure, in order.
ARRIVED_STORY = "anlände{at}, deltar från § {number}"
LEFT_STORY = "lämnade{at}, deltar inte från § {number}"
STORY_AT = " kl. {time}"
STORY_SERVES = "tjänstgör för {seat}"
ATTENDANCE_WHEN = "ankomst (a) och avgång (l) registreras nu vid § {number}, kl. {time}"
ATTENDANCE_WHEN_DECIDED = " (beslutad: gäller från § {number})"
KEY_FIND = "Sök"
FIND_PLACEHOLDER = "Sök namn eller parti (upp/ned: nästa träff, enter: klar, esc: tillbaka)"
FIND_NONE = "Ingen i listan matchar ”{query}”."
FIND_COUNT = "{count} träffar – upp/ned växlar mellan dem"
ABSENT = "frånvarande"
NOT_SET = "–"
SERVES_FOR_TITLE = "{who} tjänstgör för …"
JUSTERING_TITLE = "Justering: datum, tid och plats"
JUSTERING_DATE = "Datum (ÅÅÅÅ-MM-DD)"
JUSTERING_TIME = "Tid (TT.MM, valfri)"
JUSTERING_PLACE = "Plats (valfri)"
BAD_DATE = "Datumet ska skrivas ÅÅÅÅ-MM-DD."
NO_SUCH_DATE = "Datumet {date} finns inte."
BAD_TIME = "Tiden ska skrivas TT.MM (t.ex. 15.00 eller 1500)."
SERVES_NOT_SUBSTITUTE = "{who} är ordinarie ledamot; välj en ersättare (e)."
SERVES_NO_SEAT = "Ingen ordinarie ledamot är frånvarande utan ersättare."
CHAIR_LABEL = "Ordföranden"

# --- add an item from a file (ctrl+o) -----------------------------------------------------
IMPORT_TITLE = "Lägg till ärende från fil"
IMPORT_PATH = "Sökväg till tjänsteutlåtandet (text, PDF eller Word .docx)"
IMPORT_HINT = "enter = läs filen · esc = avbryt"
IMPORT_CONFIRM_HINT = (
    "Stämmer rubrik och avsnitt? enter / ctrl+s = lägg till sist i föredragningslistan · "
    "esc = avbryt"
)
IMPORT_ADD = "Lägg till"
IMPORT_POINTS = "{count} beslutspunkter"
IMPORT_NO_PATH = "Skriv sökvägen till filen."
IMPORT_MISSING = "{path}: filen finns inte"
IMPORT_FAILED = "{path}: kunde inte läsas: {reason}"
IMPORT_BUG = "Filen kunde inte läsas – ett fel i programmet ({reason}); kontakta support."
IMPORT_REFUSED_RUNNING = AGENDA_FIXED
IMPORT_NO_FILE = "Mötet har ingen meeting.toml att lägga till i."
IMPORT_ADDED = "Ärendet {title!r} lades till sist i föredragningslistan ({path})"

# --- open / errors -----------------------------------------------------------------------
NOT_FOUND = "{path}: finns inte"
EXAMPLE_COPY = (
    "Exempelsammanträdet: det du registrerar sparas i {folder} (ta bort mappen för att börja om)"
)
EXAMPLE_MISSING = "exempelsammanträdet saknas: {path}"
OPEN_FAILED = "{path}: kan inte öppnas: {reason}"

# --- disk trouble (tui/disk.py) ------------------------------------------------------------
NOT_SAVED = "EJ SPARAT"
UNSAVED_BANNER = (
    "EJ SPARAT: {acts} väntar – {reason}. Försöker igen … ctrl+s sparar journalen någon annanstans."
)
ONE_ACT = "1 händelse"
MANY_ACTS = "{count} händelser"
REASON_FOLDER = "journalen har ersatts av en mapp"
ALL_SAVED_AGAIN = "Allt är sparat igen ({acts} skrevs till journalen)."
KEY_SAVE_ELSEWHERE = "Spara annanstans"
HELP_SAVE_ELSEWHERE = "Spara journalen någon annanstans…"
SAVE_ELSEWHERE_TITLE = "Spara journalen någon annanstans"
SAVE_ELSEWHERE_FAILED = "Kunde inte spara journalen i {path}: {reason}."
SAVE_ELSEWHERE_LABEL = "Fil eller mapp för en kopia av hela journalen ({acts}, osparade inräknade):"
SAVED_ELSEWHERE = (
    "Journalen sparad i {path} ({acts}). Lägg den som journal.jsonl i mötesmappen "
    "för att fortsätta därifrån."
)
QUIT_UNSAVED_TITLE = (
    "{acts} finns bara i minnet och är inte sparade på disken ({reason}). "
    "Avslutar du nu går de förlorade."
)
QUIT_UNSAVED_TITLE_ONE = (  # one act: "sparad", "den" (round 4)
    "1 händelse finns bara i minnet och är inte sparad på disken ({reason}). "
    "Avslutar du nu går den förlorad."
)
QUIT_RETRY = "Försök spara igen"
QUIT_SAVE_ELSEWHERE = "Spara journalen någon annanstans…"
QUIT_ANYWAY = "Avsluta ändå (de osparade händelserna går förlorade)"
QUIT_STAY = "Stanna kvar i mötet"
STILL_UNSAVED = "Fortfarande inte sparat: {reason}."
QUIT_SAVED_ELSEWHERE = (
    "Journalen sparades i {path}; {acts} finns inte i mötesmappen. Lägg kopian som "
    "journal.jsonl i mötesmappen för att fortsätta därifrån."
)
QUIT_LOST = "Avslutat utan att spara: {acts} gick förlorade ({reason})."

# --- help: the agenda's marks (widgets/agenda.py AGENDA_MARKS) ----------------------------
LEGEND_TITLE = "Tecken i föredragningslistan"
LEGEND = {
    "pending": "ej behandlat",
    "in_progress": "pågår (uppropat, inget beslut än)",
    "decided": "beslutat",
    "tabled": "bordlagt",
    "referred_back": "återremitterat",
}
LEGEND_PROSPECTIVE = "grått nummer: det § ärendet får om listan tas i tur och ordning"
LEGEND_OJ = "omedelbar justering"
LEGEND_SECRECY = "omfattas av sekretess (S): webbversionen redovisar inte ärendet"

# --- namndtui follow: the live, read-only view (tui/follow_app.py, docs/follow.md) ----------
FOLLOW_TITLE = "namndtui – följ sammanträdet"
FOLLOW_KEY_LAYOUT = "Sal/Ordförande"
FOLLOW_HELP_LAYOUT = "växla mellan salens skärm och ordförandens vy"
FOLLOW_KEY_QUIT = "Avsluta"
FOLLOW_SAL = "Sal"
FOLLOW_CHAIR = "Ordförande"
FOLLOW_READONLY = "Följer journalen – skrivskyddat, inget registreras här."
FOLLOW_ROOM_ONLY = "Bara salens vy visas här."
FOLLOW_MOTIONS = "Yrkanden"
FOLLOW_PROCEEDINGS = "Beslutsgång"
FOLLOW_VOTE_RUNNING = "Votering pågår"
FOLLOW_VOTE_COUNTED = "Omröstningens resultat"
FOLLOW_JA = "JA"
FOLLOW_NEJ = "NEJ"
FOLLOW_AVSTAR = "AVSTÅR"
FOLLOW_LEFT = "EJ RÖSTAT"
FOLLOW_DECISION = "Beslut"
FOLLOW_SECRET = "Ärendet omfattas av sekretess."
FOLLOW_AGENDA = "Föredragningslista"
FOLLOW_TO_PUT = "Frågor kvar att ställa (föreslagen ordning)"
FOLLOW_NONE_TO_PUT = "Inga frågor kvar att ställa."
FOLLOW_NO_MOTIONS = "Inga yrkanden."
FOLLOW_SERVING = "Tjänstgörande"
FOLLOW_RECUSED = "Jäv"
FOLLOW_QUORUM_LOST = "EJ BESLUTFÖR"
