/// Draws the shelf: a heading, one row per document (title, progress, last read, path) and a
/// status line with the keys.
public enum ShelfRenderer {
  /// Columns kept for the progress (`100%`, `missing`) and the date (`2026-12-02 15:30`).
  static let progressWidth = 8
  static let dateWidth = 17

  public static func render(_ state: ShelfState) -> Frame {
    var frame = Frame(size: state.size)
    let width = state.size.width
    guard width >= 20, state.size.height >= 4 else {
      frame.write(
        [
          StyledText(TextFitting.truncate(InterfaceText.terminalTooSmall.text(in: state.language), to: width))
        ],
        row: 0, column: 0, limit: width)
      return frame
    }
    let count = InterfaceText.documentCount(state.documentCount).text(in: state.language)
    frame.write(
      [StyledText(TextFitting.truncate(" " + state.heading + " · " + count, to: width), style: .bold)],
      row: 0,
      column: 0, limit: width)
    let titleWidth = max(8, (width - progressWidth - dateWidth - 4) / 2)
    let pathWidth = max(0, width - titleWidth - progressWidth - dateWidth - 4)
    if state.entries.isEmpty {
      let note = (state.filterQuery == nil ? InterfaceText.emptyShelf : .noEntryMatches).text(
        in: state.language)
      frame.write(
        [StyledText(TextFitting.truncate(" " + note, to: width), style: .dim)], row: 2, column: 0,
        limit: width)
    }
    for row in 0..<state.listHeight {
      let index = state.top + row
      guard index < state.entries.count else { break }
      let entry = state.entries[index]
      let y = row + 2
      let progress =
        entry.isMissing
        ? InterfaceText.missing.text(in: state.language)
        : entry.isFolder ? "" : entry.progress.map { "\($0)%" } ?? "—"
      var column = 1
      func cell(_ text: String, _ cellWidth: Int, style: TextStyle = [], right: Bool = false) {
        let fitted = TextFitting.truncate(text, to: cellWidth)
        let pad = String(repeating: " ", count: max(0, cellWidth - DisplayWidth.of(fitted)))
        frame.write(
          [StyledText(right ? pad + fitted : fitted + pad, style: style)], row: y, column: column,
          limit: cellWidth)
        column += cellWidth + 1
      }
      cell(entry.title, titleWidth, style: entry.isMissing ? .dim : [])
      cell(progress, progressWidth - 1, style: entry.isMissing ? .dim : [], right: true)
      cell(entry.lastReadLabel, dateWidth, style: .dim)
      if pathWidth > 0 {
        cell(Self.keepingEnd(VisibleText.singleLine(entry.path), pathWidth), pathWidth, style: .dim)
      }
      if index == state.selection { frame.fill(row: y, from: 0, to: width, style: .reverse) }
    }
    let status =
      state.message.map { " " + VisibleText.singleLine($0) }
      ?? state.filterQuery.map { " /" + VisibleText.singleLine($0) + "▏" }
      ?? keys(state.language, listsFolder: state.listsFolder)
    frame.write(
      [StyledText(TextFitting.truncate(status, to: width))], row: state.size.height - 1, column: 0,
      limit: width)
    frame.fill(row: state.size.height - 1, from: 0, to: width, style: .reverse)
    return frame
  }

  /// The shelf's own keys, from the keymap: ` Enter open · d forget · q Esc quit · / filter`,
  /// and `B` to the shelf in a folder's list.
  static func keys(_ language: InterfaceLanguage, listsFolder: Bool = false) -> String {
    " "
      + Keymap.bindings.filter { $0.context == .shelf && (listsFolder || $0.command != .openShelf) }.map {
        KeyHelp.keys(of: $0) + " " + KeyHelp.text(for: $0, in: language)
      }.joined(separator: " · ")
  }

  /// `text` cut at its start to fit `columns` (`…/books/sanguo.epub`): a path's end names the file.
  static func keepingEnd(_ text: String, _ columns: Int) -> String {
    guard DisplayWidth.of(text) > columns, columns > 1 else { return text }
    var kept = Substring(text)
    while !kept.isEmpty && DisplayWidth.of(String(kept)) > columns - 1 { kept = kept.dropFirst() }
    return "…" + kept
  }
}
