/// What `l`, `L`, Enter on a link, the back key and `y` do to the state.
///
/// Links are found in the laid-out lines on screen (and a few screens on, to step to the next one):
/// a link belongs to the line its text starts on. Following one that leaves the place pushes a
/// `HistoryEntry`; opening another file or copying is asked of the run loop as an `Effect`.
enum LinkNavigation {
  /// How many screens beyond the visible one `l` and `L` look for the next link.
  static let searchScreens = 3
  /// Places kept for the back key.
  static let historyLimit = 100

  /// A link and the line its text starts on.
  struct Placed {
    var anchor: Anchor
    var link: LinkSelection
  }

  /// The links whose text starts on the `count` lines from `start`, in reading order.
  static func links(in layout: DocumentLayout, from start: Anchor, count: Int) -> [Placed] {
    var result: [Placed] = []
    var leafLinks: [Int: [(range: Range<Int>, target: InlineTarget)]] = [:]
    var block = start.block
    var line = start.line
    var taken = 0
    while taken < count && block < layout.blockCount {
      var shown: Block?
      // Line by line, so that a long paragraph is laid out only as far as the screen.
      var next = layout.line(line, ofBlock: block)
      while let current = next, taken < count {
        taken += 1
        next = layout.line(line + 1, ofBlock: block)
        defer { line += 1 }
        let leaf = current.key.leaf
        let starts = startRanges(of: current, before: next)
        guard !starts.isEmpty else { continue }
        if leafLinks[leaf] == nil {
          if shown == nil { shown = layout.block(block) }
          leafLinks[leaf] = shown.flatMap { leafBlock(leaf, in: $0) }.map(links(of:)) ?? []
        }
        for link in leafLinks[leaf] ?? [] where starts.contains(where: { $0.contains(link.range.lowerBound) })
        {
          let range = TextRange(leaf: leaf, offset: link.range.lowerBound, length: link.range.count)
          let selection = LinkSelection(block: block, range: range, target: link.target)
          result.append(Placed(anchor: Anchor(block: block, line: line), link: selection))
        }
      }
      leafLinks = [:]
      block += 1
      line = 0
    }
    return result
  }

  /// The leaf clusters that line `index` draws first: for wrapped prose, from its key to where the
  /// next line of the same leaf starts; for code and tables, its segments.
  private static func startRanges(of current: LayoutLine, before next: LayoutLine?) -> [Range<Int>] {
    guard current.textColumn != nil else {
      return current.segments.map { $0.offset..<$0.offset + $0.length }
    }
    var end = Int.max
    if let next, next.key.leaf == current.key.leaf, next.textColumn != nil {
      end = next.key.offset
    }
    return current.key.offset < end ? [current.key.offset..<end] : []
  }

  /// The leaf block `leaf` inside `block`, if it is there.
  static func leafBlock(_ leaf: Int, in block: Block) -> Block? {
    var pending = [block]
    while let candidate = pending.popLast() {
      if candidate.id == leaf { return candidate }
      pending += candidate.children
    }
    return nil
  }

  /// The links of a leaf block in its clusters: a paragraph's or heading's runs, or a table's cells
  /// numbered as `TableBlock.cellOffsets` does.
  static func links(of leaf: Block) -> [(range: Range<Int>, target: InlineTarget)] {
    guard case .table(let table) = leaf.kind else { return links(in: leaf.runs) }
    var result: [(range: Range<Int>, target: InlineTarget)] = []
    for (row, offsets) in zip([table.header] + table.rows, table.cellOffsets()) {
      for (cell, offset) in zip(row, offsets) {
        result += links(in: cell).map {
          (($0.range.lowerBound + offset)..<($0.range.upperBound + offset), $0.target)
        }
      }
    }
    return result
  }

  /// The links of a leaf's runs, in layout clusters (the offsets `LineKey` counts).
  static func links(in runs: [InlineRun]) -> [(range: Range<Int>, target: InlineTarget)] {
    var result: [(range: Range<Int>, target: InlineTarget)] = []
    // Clusters are counted only as far as the last link: a long paragraph without one costs nothing.
    guard let lastLinked = runs.lastIndex(where: { $0.target != nil }) else { return result }
    var clusters = 0
    var previous: Unicode.Scalar?
    for run in runs[...lastLinked] {
      let start = clusters
      for scalar in run.text.unicodeScalars {
        if !Cluster.joins(width: DisplayWidth.of(scalar), after: previous) { clusters += 1 }
        previous = scalar
      }
      guard let target = run.target, clusters > start else { continue }
      if let last = result.last, last.target == target, last.range.upperBound == start {
        result[result.count - 1].range = last.range.lowerBound..<clusters
      } else {
        result.append((start..<clusters, target))
      }
    }
    return result
  }

  /// The links on screen now.
  static func visibleLinks(_ state: ReaderState) -> [Placed] {
    links(in: state.bodyLayout, from: state.anchor, count: max(1, state.geometry.body.height))
  }

  /// The link drawn at `column` of screen row `row` in the body, if one is (a link that starts
  /// on screen, as `l` steps through them).
  static func link(atColumn column: Int, row: Int, in state: ReaderState) -> LinkSelection? {
    let body = state.geometry.body
    guard (body.y..<body.y + body.height).contains(row), (body.x..<body.x + body.width).contains(column)
    else {
      return nil
    }
    guard let line = state.bodyLayout.lines(from: state.anchor, count: row - body.y + 1).last,
      let offset = cluster(atColumn: column - body.x, of: line, width: body.width)
    else { return nil }
    return visibleLinks(state).lazy.map(\.link).first { link in
      link.range.leaf == line.key.leaf && offset >= link.range.offset
        && offset < link.range.offset + link.range.length
    }
  }

  /// The leaf cluster that line `line` draws at `column` (as `FrameRenderer` highlights one).
  private static func cluster(atColumn column: Int, of line: LayoutLine, width: Int) -> Int? {
    var drawn = Frame(size: TerminalSize(width: width, height: 1))
    drawn.write(line.spans, row: 0, column: 0, limit: width)
    var found: Int?
    for segment in line.textSegments where found == nil {
      FrameRenderer.forEachCluster(
        of: segment, upTo: segment.offset + segment.length, cells: drawn.rows[0], x: 0,
        limit: min(width, line.width)
      ) { offset, start, cells in
        if column >= start && column < start + cells { found = offset }
        return found == nil
      }
    }
    return found
  }

  /// `l` (forward) and `L`: selects the next or previous link, scrolling to it when it is off screen.
  static func step(_ state: inout ReaderState, forward: Bool) {
    let layout = state.bodyLayout
    let height = max(1, state.geometry.body.height)
    let bottom = layout.move(state.anchor, by: height - 1)
    let reach = height * searchScreens
    let start = forward ? state.anchor : layout.move(state.anchor, by: -reach)
    var window = links(in: layout, from: start, count: reach + height)
    if !forward { window = window.filter { $0.anchor <= bottom } }
    let chosen: Placed?
    if let selected = state.selectedLink, let index = window.firstIndex(where: { $0.link == selected }) {
      let next = index + (forward ? 1 : -1)
      chosen = window.indices.contains(next) ? window[next] : nil
    } else if forward {
      chosen = window.first
    } else {
      chosen = window.last
    }
    guard let chosen else {
      state.statusMessage = forward ? .noLinkBelow : .noLinkAbove
      return
    }
    state.focus = .body
    state.selectedLink = chosen.link
    if chosen.anchor < state.anchor {
      Reducer.show(chosen.anchor, on: &state)
    } else if chosen.anchor > bottom {
      Reducer.show(layout.move(chosen.anchor, by: -(height - 1)), on: &state)
    }
  }

  /// Forgets the selected link once it has left the screen (the status line would name a link
  /// that cannot be seen).
  static func dropIfHidden(_ state: inout ReaderState) {
    guard let selected = state.selectedLink else { return }
    if !visibleLinks(state).contains(where: { $0.link == selected }) { state.selectedLink = nil }
  }

  /// What the status line says about the selected link: the start of the text it leads to
  /// inside the document (`LinkPreview`), or else where it leads; and, after a footnote's text,
  /// what Enter does, said when the line has room for it (a note without text says it anyway).
  static func describe(_ link: LinkSelection, in state: ReaderState, language: InterfaceLanguage) -> (
    text: String, hint: String?
  ) {
    let preview = LinkPreview.text(of: link, in: state)
    switch link.target {
    case .footnote(let label):
      guard let preview else { return (InterfaceText.footnoteLink(label: label).text(in: language), nil) }
      return (
        InterfaceText.footnotePreview(label: label, text: preview).text(in: language),
        " · " + InterfaceText.enterGoesToNote.text(in: language)
      )
    case .link(let destination):
      return ("→ " + VisibleText.singleLine(preview ?? ReadableAddress.text(of: destination)), nil)
    }
  }

  /// Enter on the selected link.
  static func follow(_ state: inout ReaderState) {
    guard let link = state.selectedLink else { return }
    switch link.target {
    case .footnote(let label):
      guard let index = footnoteIndex(label, in: state.document) else {
        state.statusMessage = .footnoteWithoutNote(label: label)
        return
      }
      jump(&state, toBlock: index, leaf: state.document.blocks[index].id)
    case .link(let destination):
      if let book = state.document.bookPlaces, followInBook(destination, book, from: link.block, on: &state) {
        return
      }
      switch LinkDestination(destination, from: state.location) {
      case .fragment(let fragment):
        guard goToHeading(fragment, on: &state, remember: true) else {
          state.statusMessage = .noHeadingHere(fragment: fragment)
          return
        }
      case .file(let path, let fragment):
        guard state.loading == nil else {
          state.statusMessage = .stillLoadingLink
          return
        }
        state.effect = .openDocument(path: path, fragment: fragment)
        state.statusMessage = .opening(path: path)
      case .external(let address):
        state.statusMessage = address.isEmpty ? .linkLeadsNowhere : .notAFileToOpen
      }
    }
  }

  /// Follows a link of a book to its place in the same document (a chapter, an anchor in one, a
  /// note in the same chapter); false when the destination is not inside the book.
  private static func followInBook(
    _ destination: String, _ book: BookPlaces, from topIndex: Int, on state: inout ReaderState
  ) -> Bool {
    switch book.destination(of: destination, fromTopIndex: topIndex) {
    case .place(let leaf, let missingFragment):
      jump(&state, toBlock: state.document.topIndex(ofBlock: leaf), leaf: leaf)
      if let missingFragment { state.statusMessage = .noAnchorInChapter(fragment: missingFragment) }
    case .notYetRead(let path):
      state.statusMessage = state.loading == nil ? .chapterEmpty(path: path) : .chapterNotYetRead(path: path)
    case .notInReadingOrder(let path):
      state.statusMessage = .notAChapter(path: path)
    case .outside:
      return false
    }
    return true
  }

  /// The top-level index of footnote `label`'s definition: the last one, as cmark-gfm puts
  /// them at the end.
  static func footnoteIndex(_ label: String, in document: Document) -> Int? {
    document.blocks.lastIndex(where: {
      if case .footnote(let other, _) = $0.kind { return other == label }
      return false
    })
  }

  /// Goes to the heading whose GitHub id is `fragment`; false when there is none.
  @discardableResult
  static func goToHeading(_ fragment: String, on state: inout ReaderState, remember: Bool) -> Bool {
    let wanted = fragment.lowercased()
    let headings = HeadingIDs.headings(in: state.document.blocks)
    guard
      let heading = headings.first(where: { $0.id == fragment }) ?? headings.first(where: { $0.id == wanted })
    else { return false }
    if remember {
      jump(&state, toBlock: heading.topIndex, leaf: heading.block.id)
    } else {
      show(block: heading.topIndex, leaf: heading.block.id, on: &state)
    }
    return true
  }

  /// Remembers the place and puts the leaf `leaf` of top-level block `index` at the top.
  private static func jump(_ state: inout ReaderState, toBlock index: Int, leaf: Int) {
    remember(&state, document: nil)
    show(block: index, leaf: leaf, on: &state)
    state.statusMessage = .backspaceGoesBack
  }

  private static func show(block index: Int, leaf: Int, on state: inout ReaderState) {
    let layout = state.bodyLayout
    let line = layout.firstLine(ofBlock: index) { $0.key.leaf >= leaf } ?? 0
    state.selectedLink = nil
    state.focus = .body
    Reducer.show(Anchor(block: index, line: line), on: &state)
  }

  /// Pushes the current place on the history; `document` is set when the document is left.
  static func remember(_ state: inout ReaderState, document: Document?) {
    let key = state.bodyLayout.key(at: state.anchor) ?? LineKey(leaf: 0, offset: 0)
    state.history.append(
      HistoryEntry(
        document: document, location: state.location,
        position: TextPosition(block: state.anchor.block, key: key), link: state.selectedLink,
        marks: document == nil ? [:] : state.marks))
    if state.history.count > historyLimit { state.history.removeFirst(state.history.count - historyLimit) }
  }

  /// The run loop read the linked file: show it, remembering where the reader was.
  static func opened(_ document: Document, location: String, fragment: String?, on state: inout ReaderState) {
    remember(&state, document: state.document)
    state.switchDocument(to: document, location: location)
    state.focus = .body
    if let fragment, !goToHeading(fragment, on: &state, remember: false) {
      state.statusMessage = .noHeading(fragment: fragment, document: document.title)
    } else {
      state.statusMessage = .backspaceGoesBack
    }
  }

  /// The back key: the place before the last link followed, in its document.
  static func back(_ state: inout ReaderState) {
    guard let entry = state.history.popLast() else {
      state.statusMessage = .nothingToGoBackTo
      return
    }
    if let document = entry.document {
      state.switchDocument(to: document, location: entry.location)
      state.marks = entry.marks
    }
    let layout = state.bodyLayout
    let block = min(entry.position.block, max(0, layout.blockCount - 1))
    Reducer.show(layout.anchor(block: block, key: entry.position.key), on: &state)
    state.focus = .body
    state.selectedLink = entry.link
    dropIfHidden(&state)
  }

  /// `y`: asks the terminal to put the selected link's destination on the clipboard.
  static func copy(_ state: inout ReaderState) {
    guard let link = state.selectedLink else {
      state.statusMessage = .noLinkSelected
      return
    }
    guard case .link(let destination) = link.target else {
      state.statusMessage = .footnoteHasNoAddress
      return
    }
    let text = clipboardText(destination)
    state.effect = .copyToClipboard(text)
    state.statusMessage = .copiedToClipboard
  }

  /// The longest destination sent to the clipboard; terminals limit what OSC 52 carries.
  static let clipboardLimit = 8192

  /// `destination` without any control or bidirectional-control character, at most `clipboardLimit`
  /// scalars long.
  static func clipboardText(_ destination: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in destination.unicodeScalars.prefix(clipboardLimit)
    where !VisibleText.isControl(scalar) && !VisibleText.isBidiControl(scalar.value) {
      scalars.append(scalar)
    }
    return String(scalars)
  }
}
