//! Dates: reading the many ways pages write a date ("2025-09-05T13:51:00+02:00", "Feb 08,
//! 2022", "13/11/2025 09:21", "5. September 2025", "Thu, 09/25/2025 - 11:38") into ISO 8601.
//!
//! [`parse`] finds the first date in a string; the result keeps what the text says and no
//! more: a time only when one is given, a time zone only when one is stated.

use std::fmt::Write;

/// A calendar date with, when stated, a time of day and a UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year (four digits).
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hours, minutes and seconds, when the text gives a time.
    pub time: Option<(u8, u8, u8)>,
    /// Offset from UTC in minutes, when the text states a zone (`Z`, `+02:00`, `GMT`).
    pub offset_minutes: Option<i16>,
}

impl Date {
    /// ISO 8601: `2025-09-05`, `2025-09-05T13:51:00` or `2025-09-05T13:51:00+02:00`.
    #[must_use]
    pub fn to_iso(self) -> String {
        let mut out = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, s)) = self.time {
            let _ = write!(out, "T{h:02}:{m:02}:{s:02}");
            match self.offset_minutes {
                Some(0) => out.push('Z'),
                Some(offset) => {
                    let sign = if offset < 0 { '-' } else { '+' };
                    let abs = offset.unsigned_abs();
                    let _ = write!(out, "{sign}{:02}:{:02}", abs / 60, abs % 60);
                }
                None => {}
            }
        }
        out
    }
}

/// Years outside this range are not publication dates (a phone number, a product code).
const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

/// Month names and their common abbreviations in the languages of the dev sets and beyond,
/// each with its month number. Matched against whole lowercase words (a trailing `.` dropped).
const MONTH_NAMES: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mär", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("févr", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Spanish, Italian, Portuguese
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Polish (genitive, as dates are written)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Russian (genitive)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

/// The month number of a lowercase word, if it names a month.
pub(super) fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    MONTH_NAMES.iter().find(|(name, _)| *name == word).map(|&(_, n)| n)
}

/// Which order an all-numeric date with two small fields is read in (`03/04/2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumericOrder {
    /// Day first (`13.11.2025`, `13/11/2025`): most of the world.
    #[default]
    DayFirst,
    /// Month first (`11/13/2025`): the United States.
    MonthFirst,
}

impl NumericOrder {
    /// The order used where `language` (a BCP 47 tag) is written: month first for US English
    /// and for English with no region (most English-language sites are American), day first
    /// elsewhere.
    #[must_use]
    pub fn for_language(language: Option<&str>) -> Self {
        match language.map(str::to_ascii_lowercase).as_deref() {
            Some("en" | "en-us" | "en_us") => Self::MonthFirst,
            _ => Self::DayFirst,
        }
    }
}

/// One token of a date string.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A run of digits, with the separator that follows it (if it is directly followed by one).
    Number(u32, usize, Option<char>),
    /// A lowercase word.
    Word(String),
    /// Any other character (separators, signs).
    Symbol(char),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let sep = chars.peek().copied().filter(|s| matches!(s, '-' | '/' | '.' | ':'));
            let value = digits.parse::<u32>().unwrap_or(u32::MAX);
            tokens.push(Token::Number(value, digits.len(), sep));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_alphabetic()) {
                word.extend(d.to_lowercase());
                chars.next();
            }
            tokens.push(Token::Word(word));
        } else {
            if !c.is_whitespace() {
                tokens.push(Token::Symbol(c));
            }
            chars.next();
        }
    }
    tokens
}

/// The first date in `text`, read with `order` when an all-numeric date is ambiguous.
#[must_use]
pub fn parse(text: &str, order: NumericOrder) -> Option<Date> {
    let tokens = tokenize(text);
    (0..tokens.len()).find_map(|i| date_at(&tokens, i, order))
}

/// A date starting at token `i`, with the time and zone that follow it.
fn date_at(tokens: &[Token], i: usize, order: NumericOrder) -> Option<Date> {
    let (year, month, day, next) = ymd_at(tokens, i, order)?;
    if !valid_day(year, month, day) {
        return None;
    }
    let (time, offset_minutes) = time_at(tokens, next);
    Some(Date { year, month, day, time, offset_minutes })
}

/// Reads year, month and day at token `i`; returns them and the index after the date.
fn ymd_at(tokens: &[Token], i: usize, order: NumericOrder) -> Option<(u16, u8, u8, usize)> {
    let number = |j: usize| match tokens.get(j) {
        Some(Token::Number(v, len, sep)) => Some((*v, *len, *sep)),
        _ => None,
    };
    let month_word = |j: usize| match tokens.get(j) {
        Some(Token::Word(w)) => month_number(w),
        _ => None,
    };
    let year = |v: u32, len: usize| (len == 4).then_some(v).and_then(|v| u16::try_from(v).ok()).filter(|y| YEARS.contains(y));
    let small = |v: u32| u8::try_from(v).ok().filter(|&v| v >= 1);
    // Skips a symbol such as the "," or "." after a day ("Feb 08, 2022", "5. September").
    let skip_symbol = |j: usize| if matches!(tokens.get(j), Some(Token::Symbol(_))) { j + 1 } else { j };
    // Ordinal suffixes after a day number ("5th", "1st").
    let skip_ordinal =
        |j: usize| if matches!(tokens.get(j), Some(Token::Word(w)) if matches!(w.as_str(), "st" | "nd" | "rd" | "th" | "de" | "of")) { j + 1 } else { j };

    if let Some((a, a_len, a_sep)) = number(i) {
        // 2025-09-05, 2025/9/5, 2025.09.05
        if let (Some(y), Some(sep)) = (year(a, a_len), a_sep)
            && let (Some((b, b_len, b_sep)), Some((c, c_len, _))) = (number(i + 2), number(i + 4))
            && b_sep == Some(sep)
            && b_len <= 2
            && c_len <= 2
            && matches!(tokens.get(i + 1), Some(Token::Symbol(s)) if *s == sep)
        {
            return Some((y, small(b)?, small(c)?, i + 5));
        }
        // 2023 Jan 7: the year first, as scholarly citations write dates
        if let Some(y) = year(a, a_len)
            && let Some(month) = month_word(i + 1)
            && let Some((d, d_len, _)) = number(skip_symbol(i + 2))
            && d_len <= 2
        {
            return Some((y, month, small(d)?, skip_symbol(i + 2) + 1));
        }
        // 13/11/2025, 11/13/2025, 13.11.2025
        if a_len <= 2
            && a_sep.is_some_and(|s| s != ':')
            && let (Some((b, b_len, b_sep)), Some((c, c_len, _))) = (number(i + 2), number(i + 4))
            && b_sep == a_sep
            && b_len <= 2
        {
            let y = year(c, c_len)?;
            let (a, b) = (small(a)?, small(b)?);
            let (month, day) = match (a > 12, b > 12) {
                (true, false) => (b, a),
                (false, true) => (a, b),
                (true, true) => return None,
                (false, false) if a_sep == Some('.') => (b, a),
                (false, false) => match order {
                    NumericOrder::DayFirst => (b, a),
                    NumericOrder::MonthFirst => (a, b),
                },
            };
            return Some((y, month, day, i + 5));
        }
        // 5 September 2025, 5. September 2025, 5th of September, 2025, 5 de septiembre de 2025
        if a_len <= 2 {
            let j = skip_ordinal(skip_symbol(i + 1));
            if let Some(month) = month_word(j) {
                let k = skip_ordinal(skip_symbol(j + 1));
                if let Some((c, c_len, _)) = number(k) {
                    return Some((year(c, c_len)?, month, small(a)?, k + 1));
                }
            }
        }
        return None;
    }
    // September 5, 2025; Sep. 5th 2025; September 2025 is not a day.
    let month = month_word(i)?;
    let j = skip_symbol(i + 1);
    let (d, d_len, _) = number(j)?;
    if d_len > 2 {
        return None;
    }
    let k = skip_symbol(skip_ordinal(j + 1));
    let (y, y_len, _) = number(k)?;
    Some((year(y, y_len)?, month, small(d)?, k + 1))
}

/// A time of day at token `i` (`13:51`, `13:51:07`, `T13:51:07.123Z`, `1:38 pm`), and the zone
/// after it.
fn time_at(tokens: &[Token], i: usize) -> (Option<(u8, u8, u8)>, Option<i16>) {
    // Skip a "T", an "at", a "," or "-" between the date and the time.
    let mut j = i;
    for _ in 0..2 {
        match tokens.get(j) {
            Some(Token::Word(w)) if matches!(w.as_str(), "t" | "at" | "um" | "à" | "a" | "o") => j += 1,
            Some(Token::Symbol(',' | '-' | '|' | '@' | '·')) => j += 1,
            _ => {}
        }
    }
    // "T13" tokenizes as the word "t" then the number: handled above.
    let (Some(Token::Number(h, h_len, Some(':'))), Some(Token::Symbol(':')), Some(Token::Number(m, 2, m_sep))) =
        (tokens.get(j), tokens.get(j + 1), tokens.get(j + 2))
    else {
        return (None, None);
    };
    if *h_len > 2 || *h > 23 || *m > 59 {
        return (None, None);
    }
    let (mut hour, minute) = (*h as u8, *m as u8);
    let mut second = 0;
    let mut k = j + 3;
    if *m_sep == Some(':')
        && let Some(Token::Number(s, 2, _)) = tokens.get(k + 1)
    {
        second = (*s).min(59) as u8;
        k += 2;
    }
    // Fractions of a second.
    if let (Some(Token::Symbol('.')), Some(Token::Number(..))) = (tokens.get(k), tokens.get(k + 1)) {
        k += 2;
    }
    match tokens.get(k) {
        Some(Token::Word(w)) if w == "pm" && hour < 12 => {
            hour += 12;
            k += 1;
        }
        Some(Token::Word(w)) if w == "am" && hour == 12 => {
            hour = 0;
            k += 1;
        }
        Some(Token::Word(w)) if w == "am" || w == "pm" => k += 1,
        _ => {}
    }
    (Some((hour, minute, second)), zone_at(tokens, k))
}

/// A UTC offset at token `i`: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `-04`.
fn zone_at(tokens: &[Token], i: usize) -> Option<i16> {
    match tokens.get(i) {
        Some(Token::Word(w)) if matches!(w.as_str(), "z" | "utc" | "gmt") => {
            // "GMT+2", "UTC+05:30"
            zone_at(tokens, i + 1).or(Some(0))
        }
        Some(Token::Symbol(sign @ ('+' | '-' | '−'))) => {
            let negative = *sign != '+';
            let (hours, minutes) = match (tokens.get(i + 1), tokens.get(i + 3)) {
                (Some(Token::Number(hm, 4, _)), _) => (hm / 100, hm % 100),
                (Some(Token::Number(h, 1..=2, Some(':'))), Some(Token::Number(m, 2, _))) => (*h, *m),
                (Some(Token::Number(h, 1..=2, _)), _) => (*h, 0),
                _ => return None,
            };
            if hours > 14 || minutes > 59 {
                return None;
            }
            let total = (hours * 60 + minutes) as i16;
            Some(if negative { -total } else { total })
        }
        _ => None,
    }
}

/// True when the day exists in that month of that year.
fn valid_day(year: u16, month: u8, day: u8) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Normalises a date stated in metadata (JSON-LD, `<meta>`, `<time datetime>`) to ISO 8601;
/// `None` when it holds no readable date.
#[must_use]
pub fn normalize(value: &str, order: NumericOrder) -> Option<String> {
    parse(value, order).map(Date::to_iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        normalize(text, NumericOrder::MonthFirst)
    }

    #[test]
    fn iso_forms_keep_time_and_zone() {
        assert_eq!(iso("2025-09-05T13:51:00+02:00").as_deref(), Some("2025-09-05T13:51:00+02:00"));
        assert_eq!(iso("2024-11-22T22:28:12.769Z").as_deref(), Some("2024-11-22T22:28:12Z"));
        assert_eq!(iso("2025-11-25 08:33:24").as_deref(), Some("2025-11-25T08:33:24"));
        assert_eq!(iso("2024-04-05T00:00:00-0400").as_deref(), Some("2024-04-05T00:00:00-04:00"));
        assert_eq!(iso("2024-05-09 00:00:00 +0000").as_deref(), Some("2024-05-09T00:00:00Z"));
        assert_eq!(iso("2025/4/29").as_deref(), Some("2025-04-29"));
        assert_eq!(iso("2025-09-05").as_deref(), Some("2025-09-05"));
    }

    #[test]
    fn written_dates_in_several_languages() {
        assert_eq!(iso("Feb 08, 2022").as_deref(), Some("2022-02-08"));
        assert_eq!(iso("Published on September 5th, 2025 at 1:38 pm").as_deref(), Some("2025-09-05T13:38:00"));
        assert_eq!(iso("5. September 2025").as_deref(), Some("2025-09-05"));
        assert_eq!(iso("11. Sep 2024, 16:36").as_deref(), Some("2024-09-11T16:36:00"));
        assert_eq!(iso("le 3 mars 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(iso("5 de septiembre de 2025").as_deref(), Some("2025-09-05"));
        assert_eq!(iso("12 października 2023").as_deref(), Some("2023-10-12"));
        assert_eq!(iso("2023 Jan 7;15(1):e33475").as_deref(), Some("2023-01-07"));
    }

    #[test]
    fn numeric_dates_follow_the_order_unless_unambiguous() {
        assert_eq!(iso("Thu, 09/25/2025 - 11:38").as_deref(), Some("2025-09-25T11:38:00"));
        assert_eq!(iso("13/11/2025 09:21:40").as_deref(), Some("2025-11-13T09:21:40"));
        assert_eq!(iso("03/04/2025").as_deref(), Some("2025-03-04"));
        assert_eq!(normalize("03/04/2025", NumericOrder::DayFirst).as_deref(), Some("2025-04-03"));
        assert_eq!(iso("05.09.2025").as_deref(), Some("2025-09-05"));
    }

    #[test]
    fn non_dates_are_rejected() {
        for text in ["Price 2025", "May the best team win", "31/02/2025", "Call 0800 123 4567", "version 1.2.3", "September 2025", "2025 May 2026"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }
}
