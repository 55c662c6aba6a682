//! A real SMTP server on loopback that keeps what it receives, for tests of mail.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One message as the sink received it.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body, with quoted-printable decoded.
    pub text: String,
}

/// The sink; it runs until the test process ends, or until [`SmtpSink::stop`] (a mail server
/// that is down: connections are refused) and [`SmtpSink::restart`].
#[derive(Clone, Debug)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    stopped: Arc<AtomicBool>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind SMTP sink");
        let port = listener.local_addr().expect("address").port();
        let sink = SmtpSink {
            port,
            received: Arc::new(Mutex::new(Vec::new())),
            stopped: Arc::new(AtomicBool::new(false)),
        };
        sink.listen(listener);
        sink
    }

    /// Accepts until stopped; then the listener is closed, so that connections are refused.
    fn listen(&self, listener: TcpListener) {
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let (store, stopped) = (self.received.clone(), self.stopped.clone());
        std::thread::spawn(move || {
            while !stopped.load(Ordering::Acquire) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let store = store.clone();
                        std::thread::spawn(move || {
                            // A broken conversation only loses that message; the test then
                            // times out waiting for it and says so.
                            let _ = stream.set_nonblocking(false);
                            let _ = serve(stream, &store);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
    }

    /// Takes the mail server down: from now on connections to its port are refused.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::Release);
        // The accept loop sees the flag within a few milliseconds and drops the listener.
        std::thread::sleep(Duration::from_millis(50));
    }

    /// Brings it back on the same port, keeping what it received.
    pub fn restart(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("bind SMTP sink again");
        self.stopped.store(false, Ordering::Release);
        self.listen(listener);
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.received.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// Waits up to 10 s for a message to `to`.
    pub fn wait_for(&self, to: &str) -> ReceivedMail {
        self.wait_for_containing(to, "")
    }

    /// Waits up to 10 s for a message to `to` whose text contains `needle` (for an address
    /// that receives more than one mail in a test).
    pub fn wait_for_containing(&self, to: &str, needle: &str) -> ReceivedMail {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(mail) = self
                .messages()
                .into_iter()
                .find(|m| m.to.iter().any(|t| t == to) && m.text.contains(needle))
            {
                return mail;
            }
            assert!(
                Instant::now() < deadline,
                "no mail to {to} containing {needle:?} within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn serve(stream: TcpStream, store: &Mutex<Vec<ReceivedMail>>) -> std::io::Result<()> {
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    writer.write_all(b"220 praevnet-test-sink ESMTP\r\n")?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            writer.write_all(b"250-praevnet-test-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")?;
        } else if upper.starts_with("HELO")
            || upper.starts_with("RSET")
            || upper.starts_with("NOOP")
        {
            writer.write_all(b"250 OK\r\n")?;
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&command);
            to.clear();
            writer.write_all(b"250 OK\r\n")?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&command));
            writer.write_all(b"250 OK\r\n")?;
        } else if upper == "DATA" {
            writer.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut data = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                // Dot-stuffing: a leading dot was doubled by the client.
                data.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            if let Ok(mut messages) = store.lock() {
                messages.push(ReceivedMail {
                    from: from.clone(),
                    to: to.clone(),
                    text: decode_quoted_printable(&data),
                });
            }
            writer.write_all(b"250 OK queued\r\n")?;
        } else if upper == "QUIT" {
            writer.write_all(b"221 Bye\r\n")?;
            return Ok(());
        } else {
            writer.write_all(b"502 Command not implemented\r\n")?;
        }
    }
}

fn address(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command[start..]
        .find('>')
        .map_or(command.len(), |i| start + i);
    command[start..end].to_lowercase()
}

/// Soft line breaks removed and `=XX` escapes decoded (as UTF-8).
pub fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::decode_quoted_printable;

    #[test]
    fn quoted_printable_is_decoded() {
        assert_eq!(
            decode_quoted_printable("Gr=C3=BC=C3=9Fe, sehr lan=\r\nge Zeile"),
            "Grüße, sehr lange Zeile"
        );
    }
}
