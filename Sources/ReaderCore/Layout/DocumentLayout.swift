import FoundationEssentials
import Glibc

/// The document laid out at one width, block by block and only when asked (the visible part).
///
/// Work per keypress is proportional to the screen: moving the anchor or reading the visible
/// lines lays out only the blocks it touches, and each block is laid out once per width. A long
/// paragraph is laid out only near the lines asked for (`ParagraphLines`); the status line's
/// percentage inside it is by its text, as its line count is known only once the lines past the
/// screen have been measured.
public final class DocumentLayout: @unchecked Sendable {
  public let document: Document
  public let width: Int
  /// Whether long code lines wrap or are chopped (and how far the body is scrolled).
  public let codeLines: CodeLineMode
  private let blockSource: @Sendable (Int) -> Block
  private var cache: [Int: [LayoutLine]] = [:]
  private var paragraphs: [Int: ParagraphLines] = [:]
  /// The long paragraphs shown as written, line by line converted, while they are converted.
  private var provisionals: [Int: Provisional] = [:]
  private var walked = 0
  /// Whether `measureLongParagraphsInBackground` measures the long paragraphs.
  private var walksLongParagraphs = false
  /// How many bytes of text make a paragraph long enough to lay out near what is asked only.
  let longParagraphBytes: Int
  /// How many bytes of text make a long paragraph measured to its end on a thread of its own.
  let backgroundMeasureBytes: Int
  /// Where this layout's blocks come from when it shows a display script, for the blocks
  /// converted in the background; nil for the text as written.
  private let converting: Converting?
  /// Starts a background measure (on a thread of its own, but for tests).
  private let startBackground: (@escaping @Sendable () -> Void) -> Void
  private let lock = Lock()

  /// What a layout in a display script needs to show a block still being converted: the
  /// conversions that make it, and the layout of the text as written at this width, whose
  /// lines stand in for the block's meanwhile.
  struct Converting: Sendable {
    var conversions: ConversionCache
    var setting: ConversionCache.Setting
    var original: DocumentLayout
  }

  /// A long paragraph shown while it is converted: its lines as written, how they are shown,
  /// and the lines of the converted paragraph once it is there (shown once measured to the end).
  private struct Provisional {
    var written: ParagraphLines
    var shown: ProvisionalLines
    var converted: ParagraphLines?
  }

  /// `blocks` gives top-level block `index` as it is shown (converted to a display script).
  public convenience init(
    document: Document, width: Int, codeLines: CodeLineMode = .wrapped,
    blocks: (@Sendable (Int) -> Block)? = nil
  ) {
    self.init(document: document, width: width, codeLines: codeLines, blocks: blocks, longParagraph: nil)
  }

  init(
    document: Document, width: Int, codeLines: CodeLineMode = .wrapped, blocks: (@Sendable (Int) -> Block)?,
    longParagraph: Int?, backgroundMeasure: Int? = nil, converting: Converting? = nil,
    startBackground: @escaping (@escaping @Sendable () -> Void) -> Void = BackgroundThread.start,
    inherited: [Int: ParagraphLines] = [:]
  ) {
    self.document = document
    paragraphs = inherited
    self.width = max(1, width)
    self.codeLines = codeLines
    self.longParagraphBytes = longParagraph ?? ParagraphLines.threshold
    self.backgroundMeasureBytes = backgroundMeasure ?? ParagraphLines.backgroundMeasureBytes
    self.converting = converting
    self.startBackground = startBackground
    self.blockSource = blocks ?? { [document] in document.blocks[$0] }
  }

  public var blockCount: Int { document.blocks.count }

  /// Top-level block `index` as this layout shows it (in its script): as written while it is
  /// converted in the background.
  public func block(_ index: Int) -> Block {
    guard let converting, converting.conversions.convertsInBackground(index) else {
      return blockSource(index)
    }
    return converting.conversions.readyBlock(index, converting.setting) ?? document.blocks[index]
  }

  /// Measures to its end, on a thread of its own, every paragraph of the text as written from
  /// block `first` on that is long enough to be measured in the background, one after another,
  /// while the layout is in use: a move back into one from below, or `G` before one, then finds
  /// its end known. (A layout in a display script stands on the layout as written for the
  /// paragraphs it is still converting, and measures a converted one before showing it.)
  func measureLongParagraphsInBackground(from first: Int = 0) {
    guard converting == nil else { return }
    let document = self.document
    let bytes = backgroundMeasureBytes
    // Most documents have no paragraph that long: the first blocks are looked at here, so that a
    // first screen neither waits for a thread to start nor shares the processors with it.
    var start = max(0, first)
    let looked = min(document.blocks.count, start + Self.blocksLookedAtFirst)
    while start < looked, !document.blocks[start].runs.hasText(atLeast: bytes) { start += 1 }
    if start == document.blocks.count {
      lock.withLock { walked = max(walked, start) }
      return
    }
    lock.withLock { walksLongParagraphs = true }
    let firstLong = start
    startBackground { [weak self] in
      for index in firstLong..<document.blocks.count {
        if document.blocks[index].runs.hasText(atLeast: bytes),
          let paragraph = self?.paragraphLines(ofBlock: index)
        {
          // The walk of the layout this one grew from may still be measuring it: wait for it to
          // finish, or to give it up as that layout goes.
          while !paragraph.claimBackgroundMeasure() {
            if paragraph.isMeasured || self == nil { break }
            usleep(10_000)
          }
          while self != nil && paragraph.measureNextSegment() {}
          if self == nil {
            paragraph.releaseBackgroundMeasure()
            return
          }
        }
        guard let layout = self else { return }
        layout.lock.withLock { layout.walked = index + 1 }
      }
    }
  }

  /// The long paragraphs laid out so far, by block, that are measured in the background: a
  /// layout of the same document read again takes those it still has (`ParagraphLines.areLines`).
  var backgroundMeasuredParagraphs: [Int: ParagraphLines] {
    lock.withLock { paragraphs.filter { $0.value.textLength >= backgroundMeasureBytes } }
  }

  /// How many blocks `measureLongParagraphsInBackground` looks at before it starts a thread.
  static let blocksLookedAtFirst = 4_096

  /// How many blocks from the top `measureLongParagraphsInBackground` has gone through: a grown
  /// layout goes on from there.
  var longParagraphsWalked: Int { lock.withLock { walked } }

  /// Whether block `index` is shown as written, line by line converted, while it is converted.
  func isProvisional(_ index: Int) -> Bool {
    if case .paragraph(_, .some) = laidOut(index) { return true }
    return false
  }

  /// This layout for `grown`, the same document with blocks appended (a background parse):
  /// the blocks laid out so far are kept, except the old last one, which gains its separator.
  /// A block still being converted is looked at anew (through `converting`, the grown document's).
  func grown(
    to grown: Document, blocks: @escaping @Sendable (Int) -> Block, converting: Converting? = nil
  ) -> DocumentLayout {
    let next = DocumentLayout(
      document: grown, width: width, codeLines: codeLines, blocks: blocks, longParagraph: longParagraphBytes,
      backgroundMeasure: backgroundMeasureBytes, converting: converting, startBackground: startBackground)
    lock.lock()
    defer { lock.unlock() }
    next.cache = cache
    // A long paragraph's lines leave its separator out, so the old last one's stay right.
    next.paragraphs = paragraphs
    next.cache[document.blocks.count - 1] = nil
    return next
  }

  /// The lines of top-level block `index`, with the blank line that separates it from the next.
  ///
  /// All of them: for a long paragraph, `line(_:ofBlock:)` makes only the one asked for.
  public func lines(ofBlock index: Int) -> [LayoutLine] {
    switch laidOut(index) {
    case .lines(let lines): return lines
    case .paragraph:
      var lines: [LayoutLine] = []
      while let line = line(lines.count, ofBlock: index) { lines.append(line) }
      return lines
    }
  }

  /// Line `line` of top-level block `index` (its separator last), or nil past its last.
  public func line(_ line: Int, ofBlock index: Int) -> LayoutLine? {
    guard line >= 0 else { return nil }
    switch laidOut(index) {
    case .lines(let lines): return line < lines.count ? lines[line] : nil
    case .paragraph(let paragraph, let shown):
      if let found = paragraph.line(line) { return shown?.shown(found, at: line) ?? found }
      guard line > 0, index < blockCount - 1, paragraph.count(atMost: line + 1) == line,
        var key = paragraph.line(line - 1)?.key
      else { return nil }
      key.offset = LineKey.separatorOffset
      return LayoutLine(spans: [], key: key)
    }
  }

  /// The first line of top-level block `index` that `predicate` accepts, made one at a time.
  public func firstLine(ofBlock index: Int, where predicate: (LayoutLine) -> Bool) -> Int? {
    var line = 0
    while let candidate = self.line(line, ofBlock: index) {
      if predicate(candidate) { return line }
      line += 1
    }
    return nil
  }

  /// How many lines top-level block `index` has, counting no further than `limit`.
  private func lineCount(ofBlock index: Int, atMost limit: Int = .max) -> Int {
    switch laidOut(index) {
    case .lines(let lines): return min(limit, lines.count)
    case .paragraph(let paragraph, _):
      let count = paragraph.count(atMost: limit)
      return count < limit ? min(limit, count + (index < blockCount - 1 ? 1 : 0)) : limit
    }
  }

  /// Block `index`'s lines if it is a long paragraph, laid out near what is asked only.
  func paragraphLines(ofBlock index: Int) -> ParagraphLines? {
    if case .paragraph(let paragraph, _) = laidOut(index) { return paragraph }
    return nil
  }

  /// A top-level block laid out: whole, or a long paragraph that lays out the lines asked for
  /// (and, while it is converted, the lines as written with how they are shown meanwhile).
  private enum LaidOut {
    case lines([LayoutLine])
    case paragraph(ParagraphLines, ProvisionalLines?)
  }

  private func laidOut(_ index: Int) -> LaidOut {
    lock.lock()
    defer { lock.unlock() }
    if let lines = cache[index] { return .lines(lines) }
    if let paragraph = paragraphs[index] { return .paragraph(paragraph, nil) }
    if let converting, converting.conversions.convertsInBackground(index),
      let provisional = provisional(index, converting)
    {
      return provisional
    }
    let block = blockSource(index)
    if let paragraph = ParagraphLines.of(block, width: width, threshold: longParagraphBytes) {
      paragraphs[index] = paragraph
      // One thread at a time walks them all, when it does; otherwise each has its own.
      if paragraph.textLength >= backgroundMeasureBytes {
        if walksLongParagraphs {
          paragraph.leaveToBackground()
        } else {
          paragraph.measureInBackground(start: startBackground)
        }
      }
      return .paragraph(paragraph, nil)
    }
    var lines = BlockLayouter(width: width, codeLines: codeLines).layout(block)
    if lines.isEmpty {
      lines = [LayoutLine(spans: [], key: LineKey(leaf: document.blocks[index].id, offset: 0))]
    }
    if index < document.blocks.count - 1 {
      var key = lines[lines.count - 1].key
      key.offset = LineKey.separatorOffset
      lines.append(LayoutLine(spans: [], key: key))
    }
    cache[index] = lines
    return .lines(lines)
  }

  /// Block `index`, converted in the background, while its conversion is not shown yet: its
  /// lines as written, line by line converted. Once converted, its own lines are measured in the
  /// background and take over when they reach its end (so the place found on them costs no
  /// measuring on the key path). Nil once they have, or when it is laid out another way.
  private func provisional(_ index: Int, _ converting: Converting) -> LaidOut? {
    guard var provisional = provisionals[index] else {
      guard converting.conversions.readyBlock(index, converting.setting) == nil,
        let written = converting.original.paragraphLines(ofBlock: index)
      else { return nil }
      let shown = ProvisionalLines(conversions: converting.conversions, setting: converting.setting)
      provisionals[index] = Provisional(written: written, shown: shown)
      return .paragraph(written, shown)
    }
    if provisional.converted == nil, let block = converting.conversions.readyBlock(index, converting.setting)
    {
      guard let converted = ParagraphLines.of(block, width: width, threshold: longParagraphBytes) else {
        provisionals[index] = nil
        return nil
      }
      converted.measureInBackground(start: startBackground)
      provisional.converted = converted
      provisionals[index] = provisional
    }
    if let converted = provisional.converted, converted.isMeasured {
      provisionals[index] = nil
      paragraphs[index] = converted
      return .paragraph(converted, nil)
    }
    return .paragraph(provisional.written, provisional.shown)
  }

  /// Up to `count` lines starting at `anchor`.
  public func lines(from anchor: Anchor, count: Int) -> [LayoutLine] {
    var result: [LayoutLine] = []
    var block = anchor.block
    var line = anchor.line
    while result.count < count && block < blockCount {
      while result.count < count, let found = self.line(line, ofBlock: block) {
        result.append(found)
        line += 1
      }
      block += 1
      line = 0
    }
    return result
  }

  /// The anchor `delta` lines after (or before, when negative) `anchor`, kept inside the document.
  public func move(_ anchor: Anchor, by delta: Int) -> Anchor {
    step(anchor, by: delta).anchor
  }

  /// `move`, with how many of the lines asked for were not there to move by (past an end).
  private func step(_ anchor: Anchor, by delta: Int) -> (anchor: Anchor, short: Int) {
    guard blockCount > 0 else { return (.top, abs(delta)) }
    var block = min(anchor.block, blockCount - 1)
    var line = min(anchor.line, lineCount(ofBlock: block, atMost: max(1, anchor.line + 1)) - 1)
    var remaining = delta
    var short = 0
    while remaining > 0 {
      // A long paragraph is measured only as far as the move goes.
      let count = lineCount(ofBlock: block, atMost: line + remaining + 1)
      if line + remaining < count {
        line += remaining
        remaining = 0
      } else if block + 1 < blockCount {
        remaining -= count - line
        block += 1
        line = 0
      } else {
        short = remaining - (count - 1 - line)
        line = count - 1
        remaining = 0
      }
    }
    while remaining < 0 {
      if line + remaining >= 0 {
        line += remaining
        remaining = 0
      } else if block > 0 {
        remaining += line + 1
        block -= 1
        line = lineCount(ofBlock: block) - 1
      } else {
        short = -(remaining + line)
        line = 0
        remaining = 0
      }
    }
    return (Anchor(block: block, line: line), short)
  }

  /// The last anchor worth scrolling to: the one that shows the document's last line at the bottom.
  public func lastAnchor(height: Int) -> Anchor {
    guard blockCount > 0 else { return .top }
    let lastBlock = blockCount - 1
    let end = Anchor(block: lastBlock, line: lineCount(ofBlock: lastBlock) - 1)
    return move(end, by: -(max(1, height) - 1))
  }

  /// Whether `lastAnchor(height:)` is found without measuring on this thread a long paragraph
  /// that a background thread is measuring (whose end it has not reached yet): End/G then waits
  /// for it rather than measure on the key path.
  public func knowsLastAnchor(height: Int) -> Bool {
    var needed = max(1, height)
    var block = blockCount - 1
    while block >= 0 && needed > 0 {
      switch laidOut(block) {
      case .lines(let lines): needed -= lines.count
      case .paragraph(let paragraph, _):
        if paragraph.isBeingMeasuredInBackground { return false }
        needed -= paragraph.count(atMost: needed)
      }
      block -= 1
    }
    return true
  }

  /// Whether `anchor(block:key:)` and a screen after it are found without measuring, on this
  /// thread, a long paragraph that a background thread has not measured that far yet.
  public func findsWithoutMeasuring(block: Int, key: LineKey) -> Bool {
    guard block >= 0, block < blockCount, case .paragraph(let paragraph, _) = laidOut(block) else {
      return true
    }
    let leaf = document.blocks[block].id
    if key.leaf < leaf { return true }
    // Past its text, the place is the paragraph's last line: its end must be known.
    let past = key.leaf > leaf || key.offset >= LineKey.separatorOffset
    return paragraph.findsWithoutMeasuring(cluster: past ? .max : key.offset)
  }

  /// `anchor` limited to the range from the top to `lastAnchor(height:)`.
  ///
  /// Found by looking a screen ahead of `anchor` rather than back from the end, so that only
  /// the lines near `anchor` are laid out.
  public func clamp(_ anchor: Anchor, height: Int) -> Anchor {
    guard blockCount > 0 else { return .top }
    if anchor.block >= blockCount { return lastAnchor(height: height) }
    let block = max(0, anchor.block)
    let line = max(0, min(anchor.line, lineCount(ofBlock: block, atMost: max(1, anchor.line + 1)) - 1))
    let clamped = Anchor(block: block, line: line)
    if anchor.block >= 0 && isPastLastAnchor(clamped, height: height, orAt: false) {
      return lastAnchor(height: height)
    }
    return clamped
  }

  /// Whether `anchor` (a line of the layout) comes after `lastAnchor(height:)`, or is it when
  /// `orAt`: looking a screen ahead for the end.
  private func isPastLastAnchor(_ anchor: Anchor, height: Int, orAt: Bool) -> Bool {
    let (ahead, short) = step(anchor, by: max(1, height) - 1)
    // The last anchor is a screen before the end, or the top in a document shorter than that.
    if !orAt { return short > 0 && anchor != .top }
    let lastBlock = blockCount - 1
    return short > 0 || (ahead.block == lastBlock && line(ahead.line + 1, ofBlock: lastBlock) == nil)
  }

  /// Where an outline entry's heading starts.
  public func anchor(of entry: OutlineEntry) -> Anchor {
    let line = firstLine(ofBlock: entry.topIndex) { $0.key.leaf == entry.blockID } ?? 0
    return Anchor(block: entry.topIndex, line: line)
  }

  /// The width-independent key of the text at `anchor`.
  public func key(at anchor: Anchor) -> LineKey? {
    guard anchor.block < blockCount else { return nil }
    let count = lineCount(ofBlock: anchor.block, atMost: max(1, anchor.line + 1))
    return line(min(anchor.line, count - 1), ofBlock: anchor.block)?.key
  }

  /// The anchor in this layout whose line holds the text that `key` names in block `block`.
  public func anchor(block: Int, key: LineKey) -> Anchor {
    guard block < blockCount else { return .top }
    if case .paragraph(let paragraph, _) = laidOut(block) {
      return Anchor(block: block, line: lastLine(of: paragraph, inBlock: block, atOrBefore: key))
    }
    let blockLines = lines(ofBlock: block)
    let line = blockLines.lastIndex { $0.key <= key } ?? 0
    return Anchor(block: block, line: line)
  }

  /// In a long paragraph (one leaf, its lines' keys in order, then its separator): the last line
  /// whose key is at or before `key`.
  private func lastLine(of paragraph: ParagraphLines, inBlock block: Int, atOrBefore key: LineKey) -> Int {
    let leaf = document.blocks[block].id
    if key.leaf < leaf { return 0 }
    if key.leaf > leaf || key.offset >= LineKey.separatorOffset { return lineCount(ofBlock: block) - 1 }
    return paragraph.lastLine(atOrBefore: key.offset)
  }

  /// The anchor of the line that draws cluster `offset` of leaf `leaf` in block `block`, found by
  /// the lines' `textSegments`: the line whose segment holds it, else the last line of the leaf
  /// whose text starts at or before it.
  public func anchor(block: Int, leaf: Int, offset: Int) -> Anchor {
    guard block < blockCount else { return .top }
    if case .paragraph(let paragraph, _) = laidOut(block) {
      // Wrapped prose: the line that starts at or before the cluster draws it.
      guard leaf == document.blocks[block].id else {
        return anchor(block: block, key: LineKey(leaf: leaf, offset: offset))
      }
      return Anchor(block: block, line: paragraph.lastLine(atOrBefore: offset))
    }
    let blockLines = lines(ofBlock: block)
    var before: Int?
    for (index, line) in blockLines.enumerated() where line.key.leaf == leaf {
      let segments = line.textSegments
      if line.textColumn == nil && segments.contains(where: { $0.contains(offset) }) {
        return Anchor(block: block, line: index)
      }
      if let start = segments.map(\.offset).min(), start <= offset { before = index }
    }
    if let before { return Anchor(block: block, line: before) }
    return anchor(block: block, key: LineKey(leaf: leaf, offset: offset))
  }

  /// The index of the outline entry whose section holds `anchor`, or nil in the preface.
  public func entryIndex(at anchor: Anchor) -> Int? {
    let entries = document.outline.entries
    var found = entries.lastIndex(inPrefixWhere: { $0.topIndex <= anchor.block })
    while let index = found, entries[index].topIndex == anchor.block, self.anchor(of: entries[index]) > anchor
    {
      found = index > 0 ? index - 1 : nil
    }
    return found
  }

  /// How far through the document `anchor` is, in percent; 100 once the end is on screen.
  public func percent(at anchor: Anchor, height: Int) -> Int {
    guard blockCount > 0 else { return 100 }
    if anchor.block >= blockCount { return 100 }
    let block = max(0, anchor.block)
    let line = max(0, min(anchor.line, lineCount(ofBlock: block, atMost: max(1, anchor.line + 1)) - 1))
    if anchor.block >= 0 && isPastLastAnchor(Anchor(block: block, line: line), height: height, orAt: true) {
      return 100
    }
    // Whole numbers, so that the line `firstAnchor(atPercent:)` finds reads as that percentage.
    if case .paragraph(let paragraph, _) = laidOut(block) {
      // By the share of the paragraph's text before the line: its line count is not known yet.
      let length = paragraph.textLength
      return min(99, (block * length + paragraph.textOffset(ofLine: line)) * 100 / (blockCount * length))
    }
    let count = lineCount(ofBlock: block)
    return min(99, (block * count + line) * 100 / (blockCount * count))
  }

  /// The first anchor that `percent(at:height:)` counts as at least `percent` percent through
  /// the document (before the end comes into view): a block by its share of the blocks, then a
  /// line by its share of the block, as the status line counts.
  public func firstAnchor(atPercent percent: Int) -> Anchor {
    guard blockCount > 0, percent > 0 else { return .top }
    let scaled = min(100, percent) * blockCount
    let block = scaled / 100
    guard block < blockCount else { return lastAnchor(height: 1) }
    if case .paragraph(let paragraph, _) = laidOut(block) {
      // The first line whose text starts at or past that share of the paragraph's text.
      let length = paragraph.textLength
      if let line = paragraph.firstLine(startingAtOrAfter: ((scaled - 100 * block) * length + 99) / 100) {
        return Anchor(block: block, line: line)
      }
      // The separator, which reads as the end of the paragraph's text.
      if block + 1 < blockCount { return Anchor(block: block, line: paragraph.count(atMost: .max)) }
    } else {
      let count = lineCount(ofBlock: block)
      // The smallest line with (block * count + line) * 100 >= percent * blockCount * count.
      let line = ((scaled - 100 * block) * count + 99) / 100
      if line < count { return Anchor(block: block, line: line) }
    }
    return block + 1 < blockCount ? Anchor(block: block + 1, line: 0) : lastAnchor(height: 1)
  }
}
