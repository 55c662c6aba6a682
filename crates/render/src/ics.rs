//! Meetings as iCalendar (RFC 5545): feeds that calendar apps subscribe to (`METHOD:PUBLISH`),
//! and the invitations and call-offs sent by mail (`REQUEST`, `CANCEL`, RFC 5546).
//!
//! Times are written in UTC: a `TZID` without its `VTIMEZONE` block breaks the standard and
//! shifts meetings by an hour in some clients across the change to or from summer time. A
//! meeting's local time is the municipality's (Europe/Berlin for every German municipality).

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Berlin;

/// What a calendar object asks of the app that reads it (RFC 5546): a feed to show
/// (`PUBLISH`), an invitation to put into the calendar (`REQUEST`), or a call-off (`CANCEL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Publish,
    Request,
    Cancel,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// One meeting as a calendar event; times are local times of the municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Unique on the platform (a meeting's id); the UID adds the host.
    pub id: String,
    /// Raised with every change sent to invitees; calendar apps keep the highest.
    pub sequence: i32,
    pub summary: String,
    pub date: NaiveDate,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub location: String,
    pub url: Option<String>,
    pub description: String,
    pub cancelled: bool,
}

/// Who sends an invitation and to whom (iTIP needs both in a `REQUEST` or `CANCEL`).
#[derive(Clone, Copy, Debug)]
pub struct Invitation<'a> {
    pub organizer: &'a str,
    pub attendee_name: &'a str,
    pub attendee_email: &'a str,
}

/// A calendar: its name in calendar apps, its events, and what makes their UIDs unique.
#[derive(Debug)]
pub struct Calendar<'a> {
    pub name: Option<&'a str>,
    pub method: Method,
    /// The platform's host name: UIDs are `<id>@<host>`, stable across feeds, invitations
    /// and changes, so that a calendar updates a meeting instead of adding it twice.
    pub host: &'a str,
    pub events: &'a [Event],
    pub invitation: Option<Invitation<'a>>,
    /// When the calendar is made (`DTSTAMP`).
    pub now: DateTime<Utc>,
}

/// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in text values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded after 75 octets (RFC 5545 3.1) without splitting a
/// character, and ended with CRLF.
fn line(out: &mut String, content: &str) {
    let mut octets = 0;
    for c in content.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A local time of the municipality in UTC. In the hour skipped in spring the time is taken
/// an hour later; in the hour repeated in autumn, the first of the two.
fn local(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = NaiveDateTime::new(date, time);
    Berlin
        .from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            Berlin
                .from_local_datetime(&(naive + TimeDelta::hours(1)))
                .earliest()
        })
        .map_or_else(|| naive.and_utc(), |at| at.with_timezone(&Utc))
}

fn event(out: &mut String, calendar: &Calendar, event: &Event) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@{}", event.id, calendar.host));
    line(out, &format!("SEQUENCE:{}", event.sequence.max(0)));
    line(out, &format!("DTSTAMP:{}", utc(calendar.now)));
    match event.start {
        Some(start) => {
            line(out, &format!("DTSTART:{}", utc(local(event.date, start))));
            if let Some(end) = event.end {
                line(out, &format!("DTEND:{}", utc(local(event.date, end))));
            }
        }
        None => {
            // A day without a time: the end is the next day (RFC 5545 3.6.1).
            let next = event
                .date
                .checked_add_days(Days::new(1))
                .unwrap_or(event.date);
            line(
                out,
                &format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
            );
            line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
    }
    line(out, &format!("SUMMARY:{}", escape(&event.summary)));
    if !event.location.is_empty() {
        line(out, &format!("LOCATION:{}", escape(&event.location)));
    }
    if let Some(url) = &event.url {
        line(out, &format!("URL:{url}"));
    }
    line(out, &format!("DESCRIPTION:{}", escape(&event.description)));
    if let Some(invitation) = calendar.invitation {
        line(out, &format!("ORGANIZER:mailto:{}", invitation.organizer));
        // Answers come through the link in the mail, not as iTIP replies: RSVP=FALSE keeps
        // calendar apps from mailing the organizer.
        line(
            out,
            &format!(
                "ATTENDEE;CN=\"{}\";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:{}",
                quoted(invitation.attendee_name),
                invitation.attendee_email
            ),
        );
    }
    let status = if event.cancelled || calendar.method == Method::Cancel {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "END:VEVENT");
}

/// A parameter value in quotes (RFC 5545 3.2) may hold anything but quotes and controls.
fn quoted(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect()
}

/// The calendar as an iCalendar file.
pub fn write(calendar: &Calendar) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//praevnet//Sitzungen//DE");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("METHOD:{}", calendar.method.code()));
    if let Some(name) = calendar.name {
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    }
    for e in calendar.events {
        event(&mut out, calendar, e);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_written_in_utc_on_both_sides_of_summer_time() {
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("date");
        let five = NaiveTime::from_hms_opt(17, 0, 0).expect("time");
        // Summer time begins on 29 March 2026.
        assert_eq!(utc(local(date(3, 27), five)), "20260327T160000Z");
        assert_eq!(utc(local(date(3, 30), five)), "20260330T150000Z");
        // The skipped hour is taken an hour later; the repeated one, the first time.
        let half_two = NaiveTime::from_hms_opt(2, 30, 0).expect("time");
        assert_eq!(utc(local(date(3, 29), half_two)), "20260329T013000Z");
        assert_eq!(utc(local(date(10, 25), half_two)), "20261025T003000Z");
    }

    #[test]
    fn text_is_escaped_and_long_lines_are_folded_between_characters() {
        assert_eq!(
            escape("Lage; Ziele, Maßnahmen\\\nEnde"),
            "Lage\\; Ziele\\, Maßnahmen\\\\\\nEnde"
        );
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "Prävention ".repeat(12)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{physical:?} has {} octets",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("SUMMARY:{}\r\n", "Prävention ".repeat(12))
        );
    }
}
