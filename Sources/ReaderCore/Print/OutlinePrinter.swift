/// The outline as plain text, for `reader --outline`: one heading per line, two spaces per level.
public enum OutlinePrinter {
  /// One line per entry, level 1 flush left, each deeper level two more spaces, every line
  /// ending in a newline; a title split over lines (a setext heading) is joined with spaces.
  /// Titles are already made visible by `Outline`, so nothing here can act on a terminal.
  public static func text(of outline: Outline) -> String {
    var result = ""
    for entry in outline.entries {
      let title = entry.title.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " ")
      result += String(repeating: "  ", count: max(0, entry.level - 1)) + VisibleText.sanitize(title) + "\n"
    }
    return result
  }
}
