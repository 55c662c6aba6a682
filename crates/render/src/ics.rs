//! Meetings as an iCalendar feed (RFC 5545, `METHOD:PUBLISH`) that calendar apps subscribe to.
//!
//! Times are written in UTC: a `TZID` without its `VTIMEZONE` block breaks the standard and
//! shifts meetings by an hour in some clients across the change to or from summer time. A
//! meeting's local time is the municipality's (Europe/Berlin for every German municipality).

use std::fmt::Write as _;

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use praevnet_core::council::meetings::{Meeting, MeetingStatus};

/// A feed: its name in calendar apps, its meetings, and what makes their UIDs unique.
#[derive(Debug)]
pub struct Feed<'a> {
    pub name: &'a str,
    /// The platform's host name: UIDs are `<meeting id>@<host>`, stable across feeds and
    /// changes, so that a calendar updates a meeting instead of adding it twice.
    pub host: &'a str,
    pub meetings: &'a [Meeting],
    /// When the feed is made (`DTSTAMP`).
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

fn time(text: Option<&str>) -> Option<NaiveTime> {
    text.and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
}

fn event(out: &mut String, feed: &Feed, meeting: &Meeting) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@{}", meeting.id, feed.host));
    line(out, &format!("DTSTAMP:{}", utc(feed.now)));
    match time(meeting.start_time.as_deref()) {
        Some(start) => {
            line(
                out,
                &format!("DTSTART:{}", utc(local(meeting.starts_on, start))),
            );
            if let Some(end) = time(meeting.end_time.as_deref()) {
                line(
                    out,
                    &format!("DTEND:{}", utc(local(meeting.starts_on, end))),
                );
            }
        }
        None => {
            // A day without a time: the end is the next day (RFC 5545 3.6.1).
            let next = meeting
                .starts_on
                .checked_add_days(Days::new(1))
                .unwrap_or(meeting.starts_on);
            line(
                out,
                &format!("DTSTART;VALUE=DATE:{}", meeting.starts_on.format("%Y%m%d")),
            );
            line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
    }
    let title = match meeting.number {
        Some(n) => format!("{n}. {}", meeting.title),
        None => meeting.title.clone(),
    };
    line(out, &format!("SUMMARY:{}", escape(&title)));
    if !meeting.location.is_empty() {
        line(out, &format!("LOCATION:{}", escape(&meeting.location)));
    }
    if let Some(link) = &meeting.online_link {
        line(out, &format!("URL:{link}"));
    }
    line(
        out,
        &format!("DESCRIPTION:{}", escape(&description(meeting))),
    );
    let status = match meeting.status {
        MeetingStatus::CalledOff => "CANCELLED",
        MeetingStatus::Planned | MeetingStatus::Invited | MeetingStatus::Held => "CONFIRMED",
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "END:VEVENT");
}

/// The body, the topic, the link to join, and the agenda the reader may see.
fn description(meeting: &Meeting) -> String {
    let mut text = meeting.body_name.clone();
    if !meeting.topic.is_empty() {
        let _ = write!(text, "\n\n{}", meeting.topic);
    }
    if let Some(link) = &meeting.online_link {
        let _ = write!(text, "\n\nOnline: {link}");
    }
    if !meeting.agenda.is_empty() {
        text.push_str("\n\nTagesordnung:");
        for (n, item) in meeting.agenda.iter().enumerate() {
            let _ = write!(text, "\n{}. {}", n + 1, item.title);
        }
    }
    text
}

/// The feed as an iCalendar file.
pub fn publish(feed: &Feed) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//praevnet//Sitzungen//DE");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(feed.name)));
    for meeting in feed.meetings {
        event(&mut out, feed, meeting);
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
