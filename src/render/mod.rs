//! Stage "render": blocks → plain text or Markdown. (JSON is the serialized [`crate::Article`].)

mod markdown;

pub use markdown::markdown;

use crate::blocks::{Block, BlockKind};

/// Plain text: blocks separated by a blank line, except consecutive list items and table
/// rows, which go on consecutive lines; table cells are separated by a tab.
#[must_use]
pub fn text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<&BlockKind> = None;
    for block in blocks {
        if let Some(prev) = previous {
            out.push_str(if same_group(prev, &block.kind) { "\n" } else { "\n\n" });
        }
        out.push_str(&block.text);
        previous = Some(&block.kind);
    }
    out
}

/// True when two consecutive blocks belong to one list or one table.
pub(crate) fn same_group(a: &BlockKind, b: &BlockKind) -> bool {
    matches!(
        (a, b),
        (BlockKind::ListItem { .. }, BlockKind::ListItem { .. }) | (BlockKind::TableRow { .. }, BlockKind::TableRow { .. })
    )
}
