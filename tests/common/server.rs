//! A tiny HTTP/1.1 server for the URL tests, on 127.0.0.1 only (never any other address).
//!
//! Routes are fixed when the server starts: each path answers with a status, headers and a
//! body (or a sequence of them: the nth request gets the nth, the last one repeating); unknown
//! paths get a 404. A body can be trickled byte by byte and its `Content-Length` can lie. Every
//! request is logged with when it came and when its answer was sent. Every connection is served by its own thread, answers one
//! request and is closed (`Connection: close`). The server stops when it is dropped.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a connection may stay silent before the server gives up on it.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// How long [`Server::hits`] waits for connections still being served.
const SETTLE: Duration = Duration::from_secs(5);

/// What one route answers.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// How long the server waits before answering (for timeout tests).
    pub delay: Duration,
    /// When set, the body is sent one byte at a time with this pause before each byte.
    pub trickle: Option<Duration>,
    /// When set, the `Content-Length` sent instead of the body's true length.
    pub declared_length: Option<usize>,
}

impl Response {
    /// A 200 response with the given body and `Content-Type`.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            trickle: None,
            declared_length: None,
        }
    }

    /// A 200 `text/html; charset=utf-8` page.
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Self::ok("text/html; charset=utf-8", body)
    }

    /// A redirect to `location` (a path on this server or a full URL).
    pub fn redirect(status: u16, location: &str) -> Self {
        Self { status, headers: vec![("Location".into(), location.into())], body: Vec::new(), delay: Duration::ZERO, trickle: None, declared_length: None }
    }

    /// The same response with another status.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// The same response, sent only after `delay`.
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// The same response, its body sent one byte per `pause`.
    pub fn with_trickle(mut self, pause: Duration) -> Self {
        self.trickle = Some(pause);
        self
    }

    /// The same response, with a `Content-Length` of `length` whatever the body's size.
    pub fn with_declared_length(mut self, length: usize) -> Self {
        self.declared_length = Some(length);
        self
    }

    /// The same response with one more header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// One request the server got.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    /// When its request line was read.
    pub start: Instant,
    /// When its answer was written.
    pub end: Instant,
}

/// Each path's answers, and how many times it was asked for.
type Routes = HashMap<String, (Vec<Response>, usize)>;

/// A running server; dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    hits: Arc<Mutex<Vec<Hit>>>,
    /// Connections accepted and not yet served to the end.
    active: Arc<AtomicUsize>,
    held: Arc<Held>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server on an ephemeral port of 127.0.0.1 with the given `(path, response)`
    /// routes.
    pub fn start(routes: Vec<(&str, Response)>) -> Self {
        Self::start_sequences(routes.into_iter().map(|(path, response)| (path, vec![response])).collect())
    }

    /// Starts a server whose paths answer in turn with each response of their sequence (the
    /// last one repeating).
    pub fn start_sequences(routes: Vec<(&str, Vec<Response>)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let routes: Routes = routes.into_iter().map(|(p, r)| (p.to_string(), (r, 0))).collect();
        let routes = Arc::new(Mutex::new(routes));
        let hits = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let active = Arc::new(AtomicUsize::new(0));
        let held = Arc::new(Held::default());
        let acceptor = {
            let (stop, hits, active, held) = (Arc::clone(&stop), Arc::clone(&hits), Arc::clone(&active), Arc::clone(&held));
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    active.fetch_add(1, Ordering::SeqCst);
                    let (routes, hits, active, held) = (Arc::clone(&routes), Arc::clone(&hits), Arc::clone(&active), Arc::clone(&held));
                    std::thread::spawn(move || {
                        // A client that hangs up early is not the test's concern.
                        let _ = serve(stream, &routes, &hits, &held);
                        active.fetch_sub(1, Ordering::SeqCst);
                    });
                }
            })
        };
        Self { addr, hits, active, held, stop, acceptor: Some(acceptor) }
    }

    /// The most requests held at once between reading their heads and starting to answer.
    /// Each such stretch lies inside the client's own wait for that answer, so this is never
    /// more than the client had open at once, however slow the machine.
    pub fn most_held_at_once(&self) -> usize {
        self.held.most.load(Ordering::SeqCst)
    }

    /// Every request so far, in the order their answers were sent. Waits (a few seconds at
    /// most) for the connections being served to finish: a client may have read its answer
    /// before the server logged it.
    pub fn hits(&self) -> Vec<Hit> {
        let deadline = Instant::now() + SETTLE;
        while self.active.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.hits.lock().expect("hits").clone()
    }

    /// The full URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the acceptor so that it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// Requests between their head being read and their answer being begun: now, and at most.
#[derive(Default)]
struct Held {
    now: AtomicUsize,
    most: AtomicUsize,
}

/// Reads one request head and writes the route's response.
fn serve(stream: TcpStream, routes: &Mutex<Routes>, hits: &Mutex<Vec<Hit>>, held: &Held) -> std::io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let start = Instant::now();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let not_found = Response::ok("text/html", "<html><body><h1>Not Found</h1></body></html>").with_status(404);
    let response = match routes.lock().expect("routes").get_mut(path) {
        Some((responses, asked)) => {
            *asked += 1;
            responses[(*asked - 1).min(responses.len() - 1)].clone()
        }
        None => not_found,
    };
    let now = held.now.fetch_add(1, Ordering::SeqCst) + 1;
    held.most.fetch_max(now, Ordering::SeqCst);
    std::thread::sleep(response.delay);
    held.now.fetch_sub(1, Ordering::SeqCst);
    let mut head = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let length = response.declared_length.unwrap_or(response.body.len());
    head.push_str(&format!("Content-Length: {length}\r\nConnection: close\r\n\r\n"));
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    match response.trickle {
        Some(pause) => {
            for byte in &response.body {
                std::thread::sleep(pause);
                stream.write_all(std::slice::from_ref(byte))?;
                stream.flush()?;
            }
        }
        None => stream.write_all(&response.body)?,
    }
    stream.flush()?;
    hits.lock().expect("hits").push(Hit { path: path.to_string(), start, end: Instant::now() });
    Ok(())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

/// A port on 127.0.0.1 that nothing listens on: bound, then closed.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let port = listener.local_addr().expect("local address").port();
    drop(listener);
    port
}
