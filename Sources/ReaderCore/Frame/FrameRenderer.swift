/// Draws a state into a frame: outline, divider, body, status line and any open panel.
public enum FrameRenderer {
  public static func render(_ state: ReaderState) -> Frame {
    var frame = Frame(size: state.size)
    let geometry = state.geometry
    if geometry.isTooSmall {
      let note = TextFitting.truncate(
        InterfaceText.terminalTooSmall.text(in: state.language), to: state.size.width)
      frame.write([StyledText(note)], row: 0, column: 0, limit: state.size.width)
      return frame
    }
    if let outline = geometry.outline { drawOutline(state, in: outline, frame: &frame) }
    if let divider = geometry.dividerColumn {
      // Where ambiguous characters are wide the line takes the gap before it too, so that its
      // right half stays in the divider's column and the body starts where it always does.
      let width = DisplayWidth.of("│")
      for row in 0..<geometry.body.height {
        frame.write([StyledText("│", style: .dim)], row: row, column: divider + 1 - width, limit: width)
      }
    }
    drawBody(state, in: geometry.body, frame: &frame)
    drawStatus(state, row: geometry.statusRow, frame: &frame)
    switch state.overlay {
    case .help: OverlayRenderer.drawHelp(state, frame: &frame)
    case .factions(let selection): OverlayRenderer.drawFactions(state, selection: selection, frame: &frame)
    case nil: break
    }
    return frame
  }

  private static func drawOutline(_ state: ReaderState, in rect: Rect, frame: inout Frame) {
    let entries = state.document.outline.entries
    let rows = state.outlineRows
    let count = state.outlineRowCount
    let shown = (state.outlineTop..<min(count, state.outlineTop + rect.height)).map {
      state.outlineEntry(atRow: $0)
    }
    let marks = ScriptMarks.marks(for: state, entries: shown)
    // In the preface the body shows no section, so with the body focused no row is the current one.
    let highlighted = state.focus == .body && state.currentEntry == nil ? nil : state.selection
    for (row, index) in shown.enumerated() {
      let entry = entries[index]
      let indent = String(repeating: " ", count: min(rect.width / 2, 2 * (entry.level - 1)))
      let mark = marks[index]
      let room = rect.width - (mark == nil ? 0 : 3)
      let title = TextFitting.truncate(indent + state.title(ofEntry: index), to: room)
      let selected = index == highlighted
      var style: TextStyle = selected ? (state.focus == .outline ? [.reverse, .bold] : .reverse) : []
      if !selected, rows?.context.contains(index) == true { style = .dim }
      frame.write([StyledText(title, style: style)], row: rect.y + row, column: rect.x, limit: room)
      if let mark {
        frame.write(
          [StyledText(mark, style: [.dim, .scriptMark])], row: rect.y + row, column: rect.x + rect.width - 2,
          limit: 2)
      }
      if selected { frame.fill(row: rect.y + row, from: rect.x, to: rect.x + rect.width, style: .reverse) }
    }
  }

  private static func drawBody(_ state: ReaderState, in rect: Rect, frame: inout Frame) {
    if state.document.isEmpty && rect.height > 0 {
      let message = TextFitting.truncate(InterfaceText.emptyDocument.text(in: state.language), to: rect.width)
      frame.write([StyledText(message, style: .dim)], row: rect.y, column: rect.x, limit: rect.width)
      return
    }
    let lines = state.bodyLayout.lines(from: state.anchor, count: rect.height)
    for (row, line) in lines.enumerated() {
      frame.write(line.spans, row: rect.y + row, column: rect.x, limit: rect.width)
      let segments = line.textSegments
      guard !segments.isEmpty else { continue }
      let limit = min(rect.x + rect.width, rect.x + line.width)
      for range in state.highlights where range.leaf == line.key.leaf {
        highlight(range, segments: segments, row: rect.y + row, x: rect.x, limit: limit, frame: &frame)
      }
      if let link = state.selectedLink, link.range.leaf == line.key.leaf {
        highlight(
          link.range, segments: segments, row: rect.y + row, x: rect.x, limit: limit,
          style: [.reverse, .underline], frame: &frame)
      }
      if let search = state.search, search.hidesHighlights {
        // Cleared with Esc until the next n or N.
      } else if let search = state.search, let results = search.results {
        let current = search.current.map { results.matches[$0] }
        for match in results.matches(inLeaf: line.key.leaf) {
          let style: TextStyle = match == current ? [.highlight, .bold, .underline] : .highlight
          highlight(
            match.range, segments: segments, row: rect.y + row, x: rect.x, limit: limit, style: style,
            frame: &frame)
        }
      } else if let found = state.search?.firstFound, found.match.leafID == line.key.leaf {
        highlight(
          found.match.range, segments: segments, row: rect.y + row, x: rect.x, limit: limit,
          style: [.highlight, .bold, .underline], frame: &frame)
      }
    }
  }

  /// Marks the cells of `range` that fall on a line whose leaf text lies in `segments` (columns
  /// from `x`); nothing at or past `limit`.
  private static func highlight(
    _ range: TextRange, segments: [TextSegment], row: Int, x: Int, limit: Int,
    style: TextStyle = .highlight,
    frame: inout Frame
  ) {
    for segment in segments
    where segment.offset < range.offset + range.length && range.offset < segment.offset + segment.length {
      let end = min(segment.offset + segment.length, range.offset + range.length)
      forEachCluster(of: segment, upTo: end, cells: frame.rows[row], x: x, limit: limit) {
        offset, column, width in
        if offset >= range.offset { frame.fill(row: row, from: column, to: column + width, style: style) }
        return true
      }
    }
  }

  /// Calls `body` with each cluster of `segment` before cluster `end` that a row drawn as `cells`
  /// (its text from column `x`) shows before column `limit`: the cluster's leaf offset, first
  /// column and width, in order, while `body` answers true. The one walk both the highlights and
  /// a mouse press on a link (`LinkNavigation.link(atColumn:row:in:)`) go by.
  static func forEachCluster(
    of segment: TextSegment, upTo end: Int, cells: [Cell], x: Int, limit: Int,
    _ body: (_ offset: Int, _ column: Int, _ width: Int) -> Bool
  ) {
    var offset = segment.offset
    var column = x + segment.column
    while column < limit && offset < end {
      let width = max(1, cells[column].width)
      if !body(offset, column, width) { return }
      offset += 1
      column += width
    }
  }

  /// The search prompt: ` /re:patt▏ern  4,602 matches`, the bar the cursor; then what Enter would
  /// do, how many matches the pattern has, or what is wrong with it.
  static func promptText(
    _ prompt: SearchPrompt, search: SearchState?, message: String?, language: InterfaceLanguage
  ) -> String {
    let line = prompt.line
    let text =
      " /" + (prompt.isRegex ? "re:" : "") + VisibleText.singleLine(line.beforeCursor) + "▏"
      + VisibleText.singleLine(line.afterCursor)
    let note: String
    if let message {
      note = message
    } else if line.isEmpty {
      note = prompt.previous.map { InterfaceText.repeatSearch($0.pattern).text(in: language) } ?? ""
    } else if let problem = prompt.pattern.problem {
      note = Message.invalidRegex(reason: problem).text(in: language)
    } else if let search, search.pattern == prompt.pattern, let results = search.results {
      note = InterfaceText.matchCount(results.count, capped: results.isCapped).text(in: language)
    } else if search?.firstFound != nil {
      note = InterfaceText.countingShort.text(in: language)
    } else {
      note = Message.searching.text(in: language)
    }
    return text + (note.isEmpty ? "" : "  " + VisibleText.singleLine(note))
  }

  /// The title and a note after it in `columns`. The note answers what the reader just did (the
  /// match count of `3/4,602`, a mark, a reload), so the title gives way first: cut, or left out
  /// when too little of it would show.
  static func titleAndNote(_ title: String, _ note: String, columns: Int) -> String {
    let noted = "  " + note
    let room = columns - DisplayWidth.of(noted)
    if DisplayWidth.of(title) <= room { return title + noted }
    if room >= minimumTitleWidth { return TextFitting.truncate(title, to: room) + noted }
    return " " + note
  }

  /// The fewest columns a cut title keeps beside a note (its leading space, a few characters, …).
  static let minimumTitleWidth = 8

  private static func drawStatus(_ state: ReaderState, row: Int, frame: inout Frame) {
    let width = state.size.width
    let percent = state.bodyLayout.percent(at: state.anchor, height: state.geometry.body.height)
    let language = state.language
    let scriptLabel =
      state.setting.script == .original
      ? InterfaceText.original.text(in: language) : state.setting.script.label
    var script = scriptLabel + (state.setting.vocabulary ? "+詞" : "")
    if state.setting.script == .original, let found = state.conversions.documentScripts?.minorityLabel {
      script = found + " · " + script
    }
    let loading =
      state.loading.map { " " + InterfaceText.loading(percent: Int($0 * 100)).text(in: language) + " ·" }
      ?? ""
    let encoding = state.document.encodingLabel.map { " " + VisibleText.singleLine($0) + " ·" } ?? ""
    let chopped: String
    switch state.codeLines {
    case .wrapped: chopped = ""
    case .chopped(let shift): chopped = " " + InterfaceText.chopped(shift: shift).text(in: language) + " ·"
    }
    let sequence = state.sequence.map { " \($0.label) ·" } ?? ""
    let focus = InterfaceText.focus(state.focus).text(in: language)
    let full = "\(loading)\(encoding)\(chopped)\(sequence) \(script)  \(percent)%  \(focus) "
    let title = " " + VisibleText.sanitize(state.document.byline)
    var left = title
    // Said while the remembered place is still loading, when nothing else is.
    let waitingForPlace = state.pendingPlace == nil ? nil : Message.returningToPlace.text(in: language)
    // What the left part must show whole: the pattern being typed and its count, or a note.
    var needed = 0
    var note: String?
    // After a selected link's text: what Enter does where the line has room for it, then any message.
    var linkTail: (hint: String?, message: String)?
    if let prompt = state.searchPrompt {
      left = promptText(prompt, search: state.search, message: state.message, language: language)
      needed = DisplayWidth.of(left)
    } else if let filter = state.outlineFilter, filter.isEditing {
      let listed =
        filter.query.isEmpty
        ? "" : "  " + InterfaceText.headingCount(state.outlineRowCount).text(in: language)
      left = " &" + VisibleText.sanitize(filter.query) + "▏" + listed
    } else if let link = state.selectedLink {
      // Where the selected link leads comes first: the title is on screen anyway.
      let described = LinkNavigation.describe(link, in: state, language: language)
      left = " " + described.text
      // A note's text is what the reader asked to see: the right part gives way to it.
      needed = DisplayWidth.of(left)
      linkTail = (described.hint, state.message.map { "  " + VisibleText.sanitize($0) } ?? "")
    } else if let message = state.message ?? waitingForPlace {
      note = VisibleText.sanitize(message)
      needed = DisplayWidth.of(" " + (note ?? ""))
    } else if let entry = state.currentEntry {
      left += " › " + state.title(ofEntry: entry)
    }
    // On a narrow terminal what the reader just asked for (the match count of `3/4,602`, the
    // pattern) keeps its room: the focus, the script's details and the rest of the right part
    // give way first, the percentage last.
    let shortest = " \(percent)% "
    let right =
      [full, " \(scriptLabel)  \(percent)% ", shortest].first { width - DisplayWidth.of($0) >= needed }
      ?? shortest
    let rightWidth = DisplayWidth.of(right)
    if let note { left = titleAndNote(title, note, columns: width - rightWidth) }
    if let (hint, message) = linkTail {
      if let hint, DisplayWidth.of(left + hint) <= width - rightWidth { left += hint }
      left += message
    }
    let leftText = TextFitting.truncate(left, to: max(0, width - rightWidth))
    frame.write([StyledText(leftText)], row: row, column: 0, limit: width)
    if width - rightWidth >= DisplayWidth.of(leftText) {
      frame.write([StyledText(right)], row: row, column: width - rightWidth, limit: rightWidth)
    }
    frame.fill(row: row, from: 0, to: width, style: [.reverse, .status])
  }
}
