//! A meeting as a calendar event: for the feeds, and for the invitations sent by mail.

use std::fmt::Write as _;

use chrono::NaiveTime;
use praevnet_render::ics::Event;

use super::{Meeting, MeetingStatus};

fn time(text: Option<&str>) -> Option<NaiveTime> {
    text.and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
}

impl Meeting {
    /// The title as calendars show it: with the number in the body's series.
    pub fn numbered_title(&self) -> String {
        match self.number {
            Some(n) => format!("{n}. {}", self.title),
            None => self.title.clone(),
        }
    }

    /// The meeting as a calendar event, with the agenda items the meeting was read with.
    pub fn event(&self) -> Event {
        Event {
            id: self.id.to_string(),
            sequence: self.sequence,
            summary: self.numbered_title(),
            date: self.starts_on,
            start: time(self.start_time.as_deref()),
            end: time(self.end_time.as_deref()),
            location: self.location.clone(),
            url: self.online_link.clone(),
            description: self.description(),
            cancelled: self.status == MeetingStatus::CalledOff,
        }
    }

    /// The body, the topic, the link to join, and the agenda.
    fn description(&self) -> String {
        let mut text = self.body_name.clone();
        if !self.topic.is_empty() {
            let _ = write!(text, "\n\n{}", self.topic);
        }
        if let Some(link) = &self.online_link {
            let _ = write!(text, "\n\nOnline: {link}");
        }
        if !self.agenda.is_empty() {
            text.push_str("\n\nTagesordnung:");
            for (n, item) in self.agenda.iter().enumerate() {
                let _ = write!(text, "\n{}. {}", n + 1, item.title);
            }
        }
        text
    }
}
