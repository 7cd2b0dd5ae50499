/**
 * Every problem code Samverka answers with: its HTTP status, a title in Swedish and English,
 * and what the caller can do about it. Errors are thrown by code (the error classes accept
 * only codes of their status), the OpenAPI document lists each operation's codes from here,
 * and the web app shows these titles (`GET /api/reference/problems`).
 */
interface Entry {
  status: 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503;
  title: { sv: string; en: string };
  action: { sv: string; en: string };
}

const entry = <S extends Entry['status']>(status: S, titleSv: string, titleEn: string, actionSv: string, actionEn: string): Entry & { status: S } => ({
  status,
  title: { sv: titleSv, en: titleEn },
  action: { sv: actionSv, en: actionEn },
});

export const PROBLEM_CATALOGUE = {
  // Requests that cannot be read or taken as they are.
  validation_failed: entry(400, 'Uppgifterna stämmer inte', 'The request has invalid fields', 'Rätta fälten som nämns och skicka igen.', 'Correct the fields named in errors[] and send again.'),
  invalid_value: entry(400, 'Ett värde kan inte sparas', 'A value cannot be stored', 'Kontrollera datum, tal och text efter omöjliga värden.', 'Check dates, numbers and text for impossible values.'),
  malformed_json: entry(400, 'Begäran är inte giltig JSON', 'The body is not valid JSON', 'Skicka en giltig JSON-kropp.', 'Send a valid JSON body.'),
  bad_request: entry(400, 'Begäran kan inte läsas', 'The request cannot be read', 'Kontrollera begäran och försök igen.', 'Check the request and try again.'),
  body_too_large: entry(413, 'Begäran är för stor', 'The body is too large', 'Skicka mindre innehåll.', 'Send less content.'),
  unsupported_media_type: entry(415, 'Formatet stöds inte', 'The content type is not supported', 'Skicka JSON (application/json).', 'Send JSON (application/json).'),
  // Who is asking.
  unauthenticated: entry(401, 'Du behöver logga in', 'Signing in is needed', 'Logga in, eller förnya din inloggning, och försök igen.', 'Sign in, or refresh your access token, and try again.'),
  invalid_credentials: entry(401, 'Fel e-postadress eller lösenord', 'Wrong email address or password', 'Kontrollera uppgifterna eller återställ lösenordet.', 'Check the details you typed.'),
  invalid_refresh_token: entry(401, 'Inloggningen har gått ut', 'The login has ended', 'Logga in igen.', 'Sign in again.'),
  invalid_invitation: entry(401, 'Inbjudan gäller inte', 'The invitation is not valid', 'Be om en ny inbjudan: den kan vara använd eller för gammal.', 'Ask for a new invitation: it may be used or expired.'),
  invalid_confirmation_token: entry(401, 'Länken gäller inte', 'The confirmation link is not valid', 'Registrera dig igen för att få en ny länk.', 'Register again to get a new link.'),
  forbidden: entry(403, 'Du får inte göra detta', 'You may not do this', 'Be någon med rätt roll om hjälp.', 'Ask someone with the right role.'),
  email_not_confirmed: entry(403, 'E-postadressen är inte bekräftad', 'The email address is not confirmed', 'Öppna länken i bekräftelsemejlet och logga in igen.', 'Open the link in the confirmation email, then sign in.'),
  // What is asked for.
  not_found: entry(404, 'Finns inte', 'Not found', 'Kontrollera adressen; det kan vara borttaget eller utanför det du ser.', 'Check the address; it may be gone or outside what you can see.'),
  // Versions and retries.
  stale_version: entry(412, 'Någon annan har ändrat detta', 'Someone else changed this', 'Läs in den senaste versionen och gör ändringen igen.', 'Reload the latest version and make the change again.'),
  version_required: entry(428, 'Versionen saknas', 'The version is missing', 'Skicka versionen du läste i If-Match.', 'Send the version you read in If-Match.'),
  idempotency_key_reused: entry(422, 'Nyckeln är redan använd', 'The Idempotency-Key was used for another request', 'Använd en ny nyckel för en ny begäran.', 'Use a new key for a new request.'),
  rate_limited: entry(429, 'För många försök', 'Too many requests', 'Vänta så många sekunder som Retry-After säger.', 'Wait the seconds Retry-After names.'),
  internal_error: entry(500, 'Något gick fel hos oss', 'Something went wrong on our side', 'Försök igen; uppge request-id om det händer igen.', 'Try again; quote the request id if it happens again.'),
  database_unavailable: entry(503, 'Databasen svarar inte just nu', 'The database does not answer right now', 'Försök igen om en stund; skicka en ändring igen med samma Idempotency-Key.', 'Try again shortly; send a change again with the same Idempotency-Key.'),
  not_ready: entry(503, 'Tjänsten är inte redo', 'Not ready', 'Försök igen om en stund.', 'Try again shortly.'),
  // Lifecycles.
  invalid_transition: entry(409, 'Steget är inte tillåtet nu', 'That move is not allowed now', 'Välj ett av de tillåtna stegen (allowed).', 'Choose one of the allowed moves.'),
  // Accounts.
  email_taken: entry(409, 'Adressen har redan ett konto', 'The address already has an account', 'Logga in med det kontot.', 'Sign in with that account.'),
  last_admin: entry(409, 'Den sista administratören', 'The last active admin', 'Utse en annan administratör först.', 'Make someone else an admin first.'),
  consent_text_changed: entry(409, 'Texten har ändrats', 'The consent text has changed', 'Läs den nya texten och svara på den.', 'Read the new wording and answer it.'),
  // Dialogue meetings and needs.
  already_signed_up: entry(409, 'Redan anmäld', 'Already signed up', 'Använd länken i anmälningsmejlet för att ändra eller avboka.', 'Use the link in the sign-up e-mail to change or cancel.'),
  dialogue_meeting_past: entry(409, 'Mötet har redan börjat', 'The meeting has begun', 'Anmälan och avbokning går bara före mötet; kontakta arrangören.', 'Signing up and cancelling are only possible before the meeting; contact the arranger.'),
  signup_not_confirmed: entry(409, 'Ingen plats på mötet', 'No seat at the meeting', 'Den som står på väntelistan eller har avbokat kan inte lägga till behov eller rösta.', 'Someone waitlisted or cancelled cannot add needs or vote.'),
  needs_closed: entry(409, 'Mötet tar inte emot behov', 'The meeting takes no more needs', 'Be mötets arrangör att öppna för behov igen.', 'Ask the arranger to open the meeting for needs again.'),
  votes_exhausted: entry(409, 'Alla röster är använda', 'All votes are used', 'Ta tillbaka röster från ett annat behov först.', 'Take votes back from another need first.'),
  need_merged: entry(409, 'Behovet är sammanslaget', 'The need was merged', 'Använd behovet det slogs samman med.', 'Use the need it was merged into.'),
  need_has_challenge: entry(409, 'Behovet har redan en utmaning', 'A challenge was drafted from the need', 'Öppna utmaningen som gjordes av behovet.', 'Open the challenge drafted from it.'),
  // Programmes, cohorts and selection.
  cohort_closed: entry(409, 'Omgången är avslutad', 'The cohort is closed', 'En avslutad eller arkiverad omgång ändras inte.', 'A completed or archived cohort cannot change.'),
  cohort_content_frozen: entry(409, 'Frågor och bedömning är låsta', 'Questions and rubric are frozen', 'De kan ändras bara innan omgången öppnar.', 'They can change only before the cohort opens.'),
  seats_below_accepted: entry(409, 'Fler är redan antagna', 'More applicants are already accepted', 'Välj minst lika många platser som antagna.', 'Choose at least as many seats as are accepted.'),
  tracks_under_way: entry(409, 'Spår pågår fortfarande', 'Tracks are still under way', 'Avsluta eller examinera spåren först.', 'Graduate or discontinue the tracks first.'),
  cohort_not_open: entry(409, 'Omgången tar inte emot ansökningar', 'The cohort is not open', 'Ansök till en öppen omgång.', 'Apply to an open cohort.'),
  already_applied: entry(409, 'Du har redan ansökt', 'You have already applied', 'Fortsätt med din ansökan till omgången.', 'Continue with your application to the cohort.'),
  application_not_editable: entry(409, 'Ansökan kan inte ändras', 'The application cannot be changed', 'Bara utkast kan ändras.', 'Only drafts can be changed.'),
  application_window_closed: entry(409, 'Ansökningstiden är slut', 'The call has closed', 'Ansökningar tas emot bara medan utlysningen är öppen.', 'Applications are taken only while the call is open.'),
  cohort_not_selecting: entry(409, 'Urvalet pågår inte', 'The cohort is not selecting', 'Besluta medan omgången är i urval.', 'Decide while the cohort is selecting.'),
  seats_exhausted: entry(409, 'Omgångens platser är fyllda', 'All the cohort’s seats are taken', 'Öka antalet platser eller sätt sökande på väntelista.', 'Add seats, or waitlist the applicant.'),
  already_reviewer: entry(409, 'Redan jurymedlem', 'Already a reviewer of the cohort', 'Ingen åtgärd behövs.', 'Nothing to do.'),
  already_assigned: entry(409, 'Redan tilldelad', 'Already assigned', 'Ingen åtgärd behövs.', 'Nothing to do.'),
  application_not_under_review: entry(409, 'Ansökan granskas inte', 'The application is not under review', 'Tilldela granskare till inskickade ansökningar.', 'Assign reviewers to submitted applications.'),
  reviewer_conflicted: entry(409, 'Jäv', 'The reviewer has a conflict of interest', 'Välj en annan granskare.', 'Choose another reviewer.'),
  already_reviewed: entry(409, 'Redan bedömd', 'Already reviewed', 'Ändra din bedömning i stället.', 'Change your review instead.'),
  review_closed: entry(409, 'Bedömningen är stängd', 'Reviewing has closed', 'Ansökan är redan beslutad.', 'The application has been decided.'),
  not_reviewed_yet: entry(409, 'Ingen bedömning ännu', 'Not reviewed yet', 'Lämna en bedömning först.', 'Submit a review first.'),
  not_a_reviewer: entry(422, 'Inte en granskare', 'Not a reviewer', 'Välj en aktiv person med rollen granskare.', 'Choose an active person holding the reviewer role.'),
  not_a_cohort_reviewer: entry(422, 'Inte jurymedlem i omgången', 'Not a reviewer of the cohort', 'Lägg först till personen i omgångens jury.', 'Add the person to the cohort’s jury first.'),
  // Departments and challenges.
  department_exists: entry(409, 'Förvaltningen finns redan', 'The department exists already', 'Använd den befintliga förvaltningen.', 'Use the existing department.'),
  already_member: entry(409, 'Redan medlem', 'Already a member', 'Ingen åtgärd behövs.', 'Nothing to do.'),
  challenge_not_editable: entry(409, 'Utmaningen kan inte ändras', 'The challenge cannot be changed', 'Bara utkast och utmaningar med begärda ändringar kan ändras.', 'Only drafts and challenges with changes requested can be changed.'),
  cohort_not_taking_challenges: entry(409, 'Omgången tar inte emot utmaningar', 'The cohort takes no challenges now', 'Välj en omgång som planeras, är öppen eller i urval.', 'Choose a cohort that is planning, open or selecting.'),
  challenge_has_confirmed_matches: entry(409, 'Utmaningen har bekräftade matchningar', 'The challenge has confirmed matches', 'Avsluta spåren i stället.', 'Discontinue its tracks instead.'),
  challenge_unavailable: entry(409, 'Utmaningen är inte längre tillgänglig', 'The challenge is no longer available', 'Vänta på nästa matchning.', 'Wait for the next matching run.'),
  challenge_full: entry(409, 'Utmaningens platser är fyllda', 'All the challenge’s seats are confirmed', 'Avböj, eller be förvaltningen om fler platser.', 'Decline, or ask the department for more seats.'),
  // Matching and matches.
  cohort_not_matching: entry(409, 'Matchning går inte nu', 'The cohort is not matching', 'Matcha medan omgången är i urval eller pågår.', 'Match while the cohort is selecting or running.'),
  matching_input_rejected: entry(409, 'Matchningen går inte att göra', 'The matching run cannot be made', 'Ändra låsta eller förbjudna par som inte går ihop.', 'Change the pins or forbidden pairs that cannot all hold.'),
  different_cohorts: entry(409, 'Olika omgångar', 'Runs of different cohorts', 'Jämför körningar av samma omgång.', 'Compare runs of the same cohort.'),
  run_already_published: entry(409, 'Redan publicerad', 'Already published', 'Gör en ny körning för att publicera igen.', 'Start a new run to publish again.'),
  run_not_done: entry(409, 'Körningen är inte klar', 'The run is not done', 'Vänta tills körningen är klar, eller gör en ny om den misslyckades.', 'Wait until the run is done, or start a new one if it failed.'),
  run_outdated: entry(409, 'Körningen är inaktuell', 'The run is out of date', 'Gör om körningen med dagens läge.', 'Repeat the run on today’s state.'),
  conflict_already_declared: entry(409, 'Jävet är redan anmält', 'The conflict is declared already', 'Ingen åtgärd behövs.', 'Nothing to do.'),
  ranking_closed: entry(409, 'Rangordning är stängd', 'Ranking is closed', 'Rangordna medan omgången är i urval eller pågår.', 'Rank while the cohort is selecting or running.'),
  already_answered: entry(409, 'Redan besvarad', 'Already answered', 'Ditt svar är redan registrerat.', 'Your answer is recorded already.'),
  match_closed: entry(409, 'Matchningen är avslutad', 'The match is closed', 'Den tar inte emot fler svar.', 'It takes no more answers.'),
  // Tracks.
  gate_not_met: entry(409, 'Steget är inte klart', 'The stage’s gate is not met', 'Gör det som saknas (missing) först.', 'Do what is missing first.'),
  test_plan_closed: entry(409, 'Testplanen är låst', 'The test plan is closed', 'Testplanen ändras under samskapande.', 'The test plan changes during co-design.'),
  track_not_testing: entry(409, 'Spåret är inte i test', 'The track is not testing', 'Testtillfällen registreras i testmiljön.', 'Test sessions are recorded in the test environment stage.'),
  track_not_graduated: entry(409, 'Spåret är inte examinerat', 'The track has not graduated', 'Uppföljningar görs efter examen.', 'Follow-ups come after graduation.'),
  track_ended: entry(409, 'Spåret är avslutat', 'The track has ended', 'Ett avslutat spår ändras inte.', 'An ended track cannot change.'),
  consent_required: entry(409, 'Samtycke krävs', 'Written consent is required', 'Intyga att deltagarna gett skriftligt samtycke.', 'Confirm that participants gave written consent.'),
  learning_author_erased: entry(409, 'Skribenten har raderat sitt konto', 'The author has erased their account', 'En raderad persons texter publiceras inte; lärdomen räknas ändå i sin grupp.', 'An erased person’s texts are not published; the learning still counts in its group.'),
  // Impact and methods.
  metric_name_taken: entry(409, 'Namnet är upptaget', 'The metric name is taken', 'Välj ett annat namn.', 'Choose another name.'),
  method_card_use_recorded: entry(409, 'Redan registrerad', 'Already recorded', 'Ingen åtgärd behövs.', 'Nothing to do.'),
  // Open data.
  publication_withdrawn: entry(410, 'Publiceringen är återkallad', 'The publication was withdrawn', 'Citera den som citation anger; innehållet visas inte längre.', 'Cite it as the citation says; its content is no longer shown.'),
  method_card_publication_fixed: entry(409, 'Publicerad med en annan licens', 'Published under another licence', 'En publicerad version behåller sin licens; publicera en ny version för en annan.', 'A published version keeps its licence; publish a new version for another.'),
  method_card_imported: entry(409, 'Metodkortet är importerat', 'The method card is imported', 'Ett importerat kort ändras inte här; gör en egen anpassning som ett nytt kort.', 'An imported card is not edited here; make a local adaptation as a new card.'),
  import_source_refused: entry(422, 'Adressen kan inte hämtas', 'The address cannot be fetched', 'Använd en https-adress på en tillåten värd; se reason.', 'Use an https address on an allowed host; see reason.'),
  import_not_open_data: entry(422, 'Inte ett publicerat metodkort', 'Not a published method card', 'Importera en version från /api/open/method-cards i en annan Samverka.', 'Import a version from /api/open/method-cards of another Samverka.'),
  personal_data_in_publication: entry(409, 'Personuppgifter kan inte publiceras', 'Personal data cannot be published', 'Ta bort namn, e-postadresser, telefonnummer och personnummer ur fälten som nämns (fields).', 'Remove names, email addresses, phone numbers and personal identity numbers from the fields named.'),
  // Partner board.
  partner_post_closed: entry(409, 'Inlägget är stängt', 'The post is closed', 'Inlägget är tillbakadraget, dolt eller har passerat sitt slutdatum.', 'The post is withdrawn, hidden or past its end date.'),
  partner_post_not_hidden: entry(409, 'Inlägget är inte dolt', 'The post is not hidden', 'Någon kan redan ha visat det igen; ladda om sidan.', 'Someone may have shown it again already; reload it.'),
  own_partner_post: entry(409, 'Det är ditt eget inlägg', 'It is your own post', 'Visa intresse för andras inlägg.', 'Show interest in other people’s posts.'),
  already_interested: entry(409, 'Du har redan visat intresse', 'You have shown interest already', 'Vänta på svar från den som skrev inlägget.', 'Wait for the poster’s answer.'),
} as const satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof PROBLEM_CATALOGUE;
type Catalogue = typeof PROBLEM_CATALOGUE;
/** The codes of one status: an error class takes only those, so a code cannot change its status by accident. */
export type CodeOfStatus<S extends Entry['status']> = { [K in ProblemCode]: Catalogue[K]['status'] extends S ? K : never }[ProblemCode];

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEM_CATALOGUE, code);
