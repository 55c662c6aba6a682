//! What a council's structure, its member import or its founding can get wrong.
//!
//! Part of the one closed error type ([`crate::Problem`]): each area owns its problems and says
//! them in both languages; a problem without a message in either does not compile.

use crate::{Lang, Problem};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouncilProblem {
    /// A body would have more seated members than its limit.
    BodyFull {
        body: String,
        max: u32,
    },
    /// A body would report to itself or to one of its own sub-bodies.
    ParentCycle,
    /// A body that reports to itself.
    ReportsToItself,
    /// The chair of the council who is also its deputy.
    ChairIsDeputy,
    /// A chair for a council that is not recorded yet.
    NoCouncil,
    /// An online link that is no web address.
    OnlineLink,
    /// A meeting number out of its range.
    MeetingNumber {
        max: u32,
    },
    /// A meeting number another meeting of the body carries.
    MeetingNumberTaken {
        number: i32,
    },
    /// An agenda item for a meeting that was called off.
    MeetingCalledOff,
    /// An answer link that is unknown, or was replaced by a newer invitation.
    AnswerLinkUnknown,
    /// An answer link after the meeting's day.
    AnswerLinkExpired,
    /// An answer to a meeting that was called off.
    AnswerCalledOff,
    /// Attendance of a meeting that has not taken place yet.
    AttendanceBeforeMeeting,
    /// An attendance entry that names neither participant, person nor guest.
    AttendanceWhom,
    /// A guest named twice in one invitation.
    GuestTwice {
        email: String,
    },
    /// Minutes of a meeting that has not taken place yet.
    MinutesBeforeMeeting,
    /// A change of approved minutes.
    MinutesApproved,
    MinutesAlreadyApproved,
    /// A correction of minutes that are not approved.
    MinutesNotApproved,
    /// Circulating minutes that are not a draft.
    MinutesNotDraft,
    NoMinutes,
    /// An approval before the meeting or in the future.
    ApprovalDate,
    /// Invitations to a meeting whose day has passed.
    InvitationAfterMeeting,
    /// Deleting a meeting that has minutes or an attendance list.
    MeetingOnRecord,
    /// An agenda item named as a recommendation's origin that is not of the meeting named.
    ItemOfAnotherMeeting,
    /// A meeting named as a recommendation's origin that is not of its body.
    MeetingOfAnotherBody,
    /// A change of a recommendation that has reached its end, or deleting an adopted one.
    RecommendationClosed,
    /// A step that does not follow the recommendation's status.
    RecommendationStep {
        from: &'static str,
        to: &'static str,
    },
    /// A step dated in the future or before the previous step.
    RecommendationStepDate,
    /// A number of the prevention cycle that is not finite or beyond a trillion either way.
    NumberRange,
    /// A latitude or longitude out of range, or one without the other.
    Coordinate,
    /// A project with more partners, indicators or milestones than allowed.
    TooManyParts {
        max: usize,
    },
    /// Deleting a record of the cycle that others link to.
    CycleRecordLinked,
    /// A value measured in the future.
    MeasuredInFuture,
    /// A milestone recorded as done on a day still to come.
    DoneInFuture,
    /// An evaluation that ends a project other than as completed or stopped.
    EvaluationStatus,
    /// An evaluation dated in the future or before the project's start.
    EvaluationDate,
    /// A meeting plan for a year out of range.
    PlanYear {
        from: i32,
        to: i32,
    },
    /// Nothing can be added to a dissolved body.
    BodyDissolved {
        body: String,
    },
    /// A template is applied to a council that already has bodies.
    StructureNotEmpty,
    UnknownTemplate,
    OrganisationTaken,
    /// A membership the system keeps (it follows from a moderation) was to be edited.
    DerivedMembership,
    UnknownBody {
        name: String,
    },
    /// An import file with more rows than one import takes.
    TooManyRows {
        max: usize,
    },
    /// A CSV file without a column the import needs.
    MissingColumn {
        column: &'static str,
    },
    /// A row of an import with an empty required cell.
    EmptyCell {
        column: &'static str,
    },
    /// An import row names a new organisation without its sector.
    SectorNeeded {
        organisation: String,
    },
    /// A founding step for a council that is not being founded.
    NotFounding,
    /// A new founding of a council that is active.
    AlreadyActive,
    /// Another person for a term that has already ended.
    EndedTermHandOver,
    /// Rows of an import that cannot be taken, by line number; nothing was imported.
    ImportRows(Vec<(usize, Problem)>),
}

impl CouncilProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CouncilProblem::BodyFull { body, max }, Lang::De) => format!(
                "„{body}“ hat höchstens {max} Mitglieder; mit dieser Änderung wären es mehr. \
                 Beenden Sie zuerst eine andere Mitgliedschaft oder ändern Sie die Höchstzahl."
            ),
            (CouncilProblem::BodyFull { body, max }, Lang::En) => format!(
                "“{body}” has at most {max} members; this change would exceed that. End another \
                 membership first or change the limit."
            ),
            (CouncilProblem::ReportsToItself, Lang::De) => {
                "Ein Gremium kann nicht an sich selbst berichten.".into()
            }
            (CouncilProblem::ReportsToItself, Lang::En) => "A body cannot report to itself.".into(),
            (CouncilProblem::ChairIsDeputy, Lang::De) => {
                "Vorsitz und Stellvertretung müssen verschiedene Personen sein.".into()
            }
            (CouncilProblem::ChairIsDeputy, Lang::En) => {
                "The chair and the deputy must be different people.".into()
            }
            (CouncilProblem::NoCouncil, Lang::De) => "Für diese Kommune ist noch kein \
                Präventionsrat erfasst; legen Sie zuerst den Rat an."
                .into(),
            (CouncilProblem::NoCouncil, Lang::En) => {
                "No council is recorded for this municipality yet; record the council first.".into()
            }
            (CouncilProblem::OnlineLink, Lang::De) => "Der Link zur Online-Teilnahme muss eine \
                Webadresse sein, die mit https:// beginnt."
                .into(),
            (CouncilProblem::OnlineLink, Lang::En) => {
                "The link to join online must be a web address starting with https://.".into()
            }
            (CouncilProblem::MeetingNumber { max }, Lang::De) => {
                format!("Die Nummer der Sitzung liegt zwischen 1 und {max}.")
            }
            (CouncilProblem::MeetingNumber { max }, Lang::En) => {
                format!("The meeting's number lies between 1 and {max}.")
            }
            (CouncilProblem::MeetingNumberTaken { number }, Lang::De) => {
                format!("Die Nummer {number} trägt schon eine andere Sitzung dieses Gremiums.")
            }
            (CouncilProblem::MeetingNumberTaken { number }, Lang::En) => {
                format!("Another meeting of this body already has the number {number}.")
            }
            (CouncilProblem::MeetingCalledOff, Lang::De) => "Diese Sitzung ist abgesagt; ihre \
                Tagesordnung bekommt keine neuen Punkte."
                .into(),
            (CouncilProblem::MeetingCalledOff, Lang::En) => {
                "This meeting was called off; its agenda takes no new items.".into()
            }
            (CouncilProblem::AnswerLinkUnknown, Lang::De) => "Dieser Antwort-Link ist ungültig \
                oder wurde durch eine neuere Einladung ersetzt. Nutzen Sie den Link aus der \
                letzten Einladung."
                .into(),
            (CouncilProblem::AnswerLinkUnknown, Lang::En) => "This answer link is not valid or \
                was replaced by a newer invitation. Use the link in the latest invitation."
                .into(),
            (CouncilProblem::AnswerLinkExpired, Lang::De) => {
                "Dieser Antwort-Link ist abgelaufen: die Sitzung hat bereits stattgefunden.".into()
            }
            (CouncilProblem::AnswerLinkExpired, Lang::En) => {
                "This answer link has expired: the meeting has already taken place.".into()
            }
            (CouncilProblem::AnswerCalledOff, Lang::De) => {
                "Diese Sitzung wurde abgesagt; eine Antwort ist nicht mehr nötig.".into()
            }
            (CouncilProblem::AnswerCalledOff, Lang::En) => {
                "This meeting was called off; no answer is needed any more.".into()
            }
            (CouncilProblem::AttendanceBeforeMeeting, Lang::De) => {
                "Die Anwesenheit wird ab dem Tag der Sitzung erfasst.".into()
            }
            (CouncilProblem::AttendanceBeforeMeeting, Lang::En) => {
                "Attendance is recorded from the day of the meeting on.".into()
            }
            (CouncilProblem::AttendanceWhom, Lang::De) => "Jeder Eintrag der Anwesenheit nennt \
                eine eingeladene Person, ein Mitglied oder den Namen eines Gastes."
                .into(),
            (CouncilProblem::AttendanceWhom, Lang::En) => "Each attendance entry names an \
                invitee, a member or a guest's name."
                .into(),
            (CouncilProblem::GuestTwice { email }, Lang::De) => {
                format!("Der Gast {email} ist doppelt genannt.")
            }
            (CouncilProblem::GuestTwice { email }, Lang::En) => {
                format!("The guest {email} is named twice.")
            }
            (CouncilProblem::MinutesBeforeMeeting, Lang::De) => {
                "Die Niederschrift wird ab dem Tag der Sitzung geschrieben.".into()
            }
            (CouncilProblem::MinutesBeforeMeeting, Lang::En) => {
                "Minutes are written from the day of the meeting on.".into()
            }
            (CouncilProblem::MinutesApproved, Lang::De) => "Die Niederschrift ist genehmigt und \
                bleibt unverändert. Legen Sie für eine Änderung eine Korrektur als neue Fassung an."
                .into(),
            (CouncilProblem::MinutesApproved, Lang::En) => "The minutes are approved and stay as \
                they are. To change them, start a correction as a new version."
                .into(),
            (CouncilProblem::MinutesAlreadyApproved, Lang::De) => {
                "Diese Fassung der Niederschrift ist bereits genehmigt.".into()
            }
            (CouncilProblem::MinutesAlreadyApproved, Lang::En) => {
                "This version of the minutes is already approved.".into()
            }
            (CouncilProblem::MinutesNotApproved, Lang::De) => {
                "Korrigiert wird eine genehmigte Niederschrift; den Entwurf ändern Sie direkt."
                    .into()
            }
            (CouncilProblem::MinutesNotApproved, Lang::En) => {
                "A correction is for approved minutes; change the draft directly.".into()
            }
            (CouncilProblem::MinutesNotDraft, Lang::De) => {
                "Zur Durchsicht versandt wird ein Entwurf; diese Fassung ist es nicht mehr.".into()
            }
            (CouncilProblem::MinutesNotDraft, Lang::En) => {
                "Only a draft is circulated for review; this version is not one any more.".into()
            }
            (CouncilProblem::NoMinutes, Lang::De) => {
                "Zu dieser Sitzung gibt es noch keine Niederschrift.".into()
            }
            (CouncilProblem::NoMinutes, Lang::En) => {
                "There are no minutes of this meeting yet.".into()
            }
            (CouncilProblem::ApprovalDate, Lang::De) => "Genehmigt wird frühestens am Tag der \
                Sitzung und spätestens heute."
                .into(),
            (CouncilProblem::ApprovalDate, Lang::En) => "Minutes are approved on the day of the \
                meeting at the earliest and today at the latest."
                .into(),
            (CouncilProblem::InvitationAfterMeeting, Lang::De) => {
                "Die Sitzung hat bereits stattgefunden; Einladungen sind nicht mehr möglich.".into()
            }
            (CouncilProblem::InvitationAfterMeeting, Lang::En) => {
                "The meeting has already taken place; invitations are no longer possible.".into()
            }
            (CouncilProblem::MeetingOnRecord, Lang::De) => "Diese Sitzung hat eine Niederschrift \
                oder eine Anwesenheitsliste und bleibt deshalb erhalten."
                .into(),
            (CouncilProblem::MeetingOnRecord, Lang::En) => "This meeting has minutes or an \
                attendance list and therefore stays on record."
                .into(),
            (CouncilProblem::ItemOfAnotherMeeting, Lang::De) => {
                "Dieser Tagesordnungspunkt gehört nicht zur genannten Sitzung.".into()
            }
            (CouncilProblem::ItemOfAnotherMeeting, Lang::En) => {
                "This agenda item is not of the meeting named.".into()
            }
            (CouncilProblem::MeetingOfAnotherBody, Lang::De) => {
                "Diese Sitzung ist keine Sitzung des genannten Gremiums.".into()
            }
            (CouncilProblem::MeetingOfAnotherBody, Lang::En) => {
                "This meeting is not a meeting of the body named.".into()
            }
            (CouncilProblem::RecommendationClosed, Lang::De) => "Diese Handlungsempfehlung ist \
                beschlossen oder abgeschlossen und bleibt so erhalten."
                .into(),
            (CouncilProblem::RecommendationClosed, Lang::En) => "This recommendation is adopted \
                or closed and stays on record as it is."
                .into(),
            (CouncilProblem::RecommendationStep { from, to }, lang) => {
                use crate::council::recommendations::RecommendationStatus as S;
                let label = |code: &str| S::parse(code).map_or("?", |s| s.label(lang));
                match lang {
                    Lang::De => format!(
                        "Eine Empfehlung im Stand „{}“ kann nicht „{}“ werden.",
                        label(from),
                        label(to)
                    ),
                    Lang::En => format!(
                        "A recommendation that is “{}” cannot become “{}”.",
                        label(from),
                        label(to)
                    ),
                }
            }
            (CouncilProblem::RecommendationStepDate, Lang::De) => "Das Datum liegt nicht in der \
                Zukunft und nicht vor dem letzten Schritt."
                .into(),
            (CouncilProblem::RecommendationStepDate, Lang::En) => "The date is not in the future \
                and not before the previous step."
                .into(),
            (CouncilProblem::NumberRange, Lang::De) => "Geben Sie eine Zahl zwischen minus und \
                plus einer Billion ein."
                .into(),
            (CouncilProblem::NumberRange, Lang::En) => "Enter a number between minus and plus \
                one trillion."
                .into(),
            (CouncilProblem::Coordinate, Lang::De) => "Geben Sie Breite (−90 bis 90) und Länge \
                (−180 bis 180) zusammen an, oder keine von beiden."
                .into(),
            (CouncilProblem::Coordinate, Lang::En) => "Give latitude (−90 to 90) and longitude \
                (−180 to 180) together, or neither."
                .into(),
            (CouncilProblem::TooManyParts { max }, Lang::De) => {
                format!("Ein Projekt hat höchstens {max} Einträge dieser Art.")
            }
            (CouncilProblem::TooManyParts { max }, Lang::En) => {
                format!("A project has at most {max} entries of this kind.")
            }
            (CouncilProblem::CycleRecordLinked, Lang::De) => "Andere Einträge des \
                Präventionszyklus bauen auf diesem Eintrag auf; lösen Sie zuerst diese \
                Verknüpfungen."
                .into(),
            (CouncilProblem::CycleRecordLinked, Lang::En) => "Other records of the prevention \
                cycle build on this one; remove those links first."
                .into(),
            (CouncilProblem::DoneInFuture, Lang::De) => {
                "Erledigt wird nicht an einem künftigen Tag: wählen Sie heute oder früher.".into()
            }
            (CouncilProblem::DoneInFuture, Lang::En) => {
                "Done is not on a day to come: choose today or earlier.".into()
            }
            (CouncilProblem::MeasuredInFuture, Lang::De) => {
                "Ein Messwert liegt nicht in der Zukunft.".into()
            }
            (CouncilProblem::MeasuredInFuture, Lang::En) => {
                "A measured value is not dated in the future.".into()
            }
            (CouncilProblem::EvaluationStatus, Lang::De) => "Nach der Evaluation ist ein Projekt \
                abgeschlossen oder abgebrochen."
                .into(),
            (CouncilProblem::EvaluationStatus, Lang::En) => "After its evaluation a project is \
                completed or stopped."
                .into(),
            (CouncilProblem::EvaluationDate, Lang::De) => "Die Evaluation liegt nicht in der \
                Zukunft und nicht vor dem Projektbeginn."
                .into(),
            (CouncilProblem::EvaluationDate, Lang::En) => "The evaluation is not dated in the \
                future or before the project's start."
                .into(),
            (CouncilProblem::PlanYear { from, to }, Lang::De) => {
                format!("Das Jahr liegt zwischen {from} und {to}.")
            }
            (CouncilProblem::PlanYear { from, to }, Lang::En) => {
                format!("The year lies between {from} and {to}.")
            }
            (CouncilProblem::TooManyRows { max }, Lang::De) => {
                format!("Eine Importdatei hat höchstens {max} Zeilen; teilen Sie die Datei auf.")
            }
            (CouncilProblem::TooManyRows { max }, Lang::En) => {
                format!("An import file has at most {max} rows; split the file.")
            }
            (CouncilProblem::ParentCycle, Lang::De) => {
                "Ein Gremium kann nicht sich selbst oder einem \
                seiner eigenen Untergremien unterstehen."
                    .into()
            }
            (CouncilProblem::ParentCycle, Lang::En) => {
                "A body cannot report to itself or to one of its own sub-bodies.".into()
            }
            (CouncilProblem::BodyDissolved { body }, Lang::De) => {
                format!("„{body}“ ist aufgelöst; dort kann niemand mehr hinzukommen.")
            }
            (CouncilProblem::BodyDissolved { body }, Lang::En) => {
                format!("“{body}” is dissolved; nobody can join it any more.")
            }
            (CouncilProblem::StructureNotEmpty, Lang::De) => {
                "Eine Strukturvorlage kann nur für einen \
                Präventionsrat ohne Gremien übernommen werden; ändern Sie die bestehende Struktur \
                stattdessen direkt."
                    .into()
            }
            (CouncilProblem::StructureNotEmpty, Lang::En) => {
                "A structure template can only be applied \
                to a council without bodies; change the existing structure directly instead."
                    .into()
            }
            (CouncilProblem::UnknownTemplate, Lang::De) => {
                "Diese Strukturvorlage gibt es nicht.".into()
            }
            (CouncilProblem::UnknownTemplate, Lang::En) => {
                "There is no such structure template.".into()
            }
            (CouncilProblem::OrganisationTaken, Lang::De) => {
                "Eine Organisation mit diesem Namen ist bereits erfasst.".into()
            }
            (CouncilProblem::OrganisationTaken, Lang::En) => {
                "An organisation with this name is already recorded.".into()
            }
            (CouncilProblem::UnknownBody { name }, Lang::De) => {
                format!("Ein Gremium „{name}“ gibt es in diesem Präventionsrat nicht.")
            }
            (CouncilProblem::UnknownBody { name }, Lang::En) => {
                format!("This council has no body “{name}”.")
            }
            (CouncilProblem::MissingColumn { column }, Lang::De) => {
                format!("Der Datei fehlt die Spalte „{column}“ in der ersten Zeile.")
            }
            (CouncilProblem::MissingColumn { column }, Lang::En) => {
                format!("The file lacks the column “{column}” in its first line.")
            }
            (CouncilProblem::EmptyCell { column }, Lang::De) => {
                format!("Die Spalte „{column}“ ist leer.")
            }
            (CouncilProblem::EmptyCell { column }, Lang::En) => {
                format!("The column “{column}” is empty.")
            }
            (CouncilProblem::SectorNeeded { organisation }, Lang::De) => format!(
                "Für die neue Organisation „{organisation}“ fehlt der Sektor (Spalte „sektor“)."
            ),
            (CouncilProblem::SectorNeeded { organisation }, Lang::En) => {
                format!("The new organisation “{organisation}” needs a sector (column “sektor”).")
            }
            (CouncilProblem::NotFounding, Lang::De) => "Der Präventionsrat ist nicht in Gründung; \
                beginnen Sie zuerst die Gründung."
                .into(),
            (CouncilProblem::NotFounding, Lang::En) => {
                "The council is not being founded; start the founding first.".into()
            }
            (CouncilProblem::AlreadyActive, Lang::De) => {
                "Der Präventionsrat ist bereits aktiv und \
                kann nicht erneut gegründet werden. Nur ein ruhender Rat wird neu gegründet."
                    .into()
            }
            (CouncilProblem::AlreadyActive, Lang::En) => "The council is already active and \
                cannot be founded again. Only a dormant council is founded anew."
                .into(),
            (CouncilProblem::EndedTermHandOver, Lang::De) => "Diese Amtszeit ist beendet; wer \
                damals Mitglied war, bleibt so verzeichnet. Tragen Sie die neue Person mit einer \
                eigenen Mitgliedschaft ein, oder löschen Sie einen irrtümlich erfassten Eintrag."
                .into(),
            (CouncilProblem::EndedTermHandOver, Lang::En) => "This term has ended; who was a \
                member then stays on record. Add the new person with a membership of their own, \
                or delete an entry recorded in error."
                .into(),
            (CouncilProblem::ImportRows(rows), lang) => {
                let listed: Vec<String> = rows
                    .iter()
                    .map(|(line, problem)| match lang {
                        Lang::De => format!("Zeile {line}: {}", problem.message(lang)),
                        Lang::En => format!("Line {line}: {}", problem.message(lang)),
                    })
                    .collect();
                match lang {
                    Lang::De => format!("Nichts wurde importiert. {}", listed.join(" ")),
                    Lang::En => format!("Nothing was imported. {}", listed.join(" ")),
                }
            }
            (CouncilProblem::DerivedMembership, Lang::De) => {
                "Diese Mitgliedschaft folgt aus einer \
                Moderation und ändert sich mit ihr; ändern Sie die Moderation."
                    .into()
            }
            (CouncilProblem::DerivedMembership, Lang::En) => {
                "This membership follows from a moderation \
                and changes with it; change the moderation instead."
                    .into()
            }
        }
    }
}
