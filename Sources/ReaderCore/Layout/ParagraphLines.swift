import FoundationEssentials

/// The lines of one long top-level paragraph or heading at one width, made a segment of lines at
/// a time when they are asked for, so a paragraph of 50 MB on one line shows its first screen
/// after laying out that screen, not the paragraph.
///
/// Where every `segmentLength`-th line starts is kept once passed (a line break depends on all
/// the text before it, so a line past them is reached by measuring, not building, the lines
/// between), and the last few segments asked for are kept as lines. The lines are those of
/// `LineBreaker.wrap` over the whole paragraph.
final class ParagraphLines: @unchecked Sendable {
  /// Paragraphs with at least this many bytes of text are laid out this way; shorter ones whole.
  static let threshold = 64 << 10
  /// Paragraphs with at least this many bytes of text are also measured to their end in the
  /// background (about 30 ms a megabyte).
  static let backgroundMeasureBytes = 1 << 20
  static let segmentLength = 128
  /// How many segments of lines are kept.
  static let keptSegments = 8

  private let runs: [InlineRun]
  private let leaf: Int
  private let breaker: LineBreaker
  /// The UTF-8 offset in the whole text of each run's start, and the text's length last.
  private let runOffsets: [Int]
  /// `starts[n]` is where line `n * segmentLength` starts.
  private var starts: [LineBreaker.LineStart] = [.first]
  /// How many lines there are, once the last has been reached.
  private var total: Int?
  private var segments: [Int: [LayoutLine]] = [:]
  /// The UTF-8 offset in the whole text where each line of a kept segment starts.
  private var segmentOffsets: [Int: [Int]] = [:]
  private var recent: [Int] = []
  /// Whether a background thread measures these lines now (one at most does).
  private var measuredInBackground = false
  /// Whether these lines are left to a background measure, now or when the walk over a layout's
  /// long paragraphs comes to them: the key path then refuses to measure them
  /// (`LongMeasureRefusal`) and End/G waits.
  private var leftToBackground = false
  private let lock = Lock()

  /// The lines of `block` at `width` this way, if it is a paragraph or heading this long.
  static func of(_ block: Block, width: Int, threshold: Int = threshold) -> ParagraphLines? {
    guard let runs = runs(of: block), runs.hasText(atLeast: threshold) else { return nil }
    return ParagraphLines(runs: runs, leaf: block.id, width: width)
  }

  /// The runs a paragraph or heading is wrapped from; nil for other blocks.
  private static func runs(of block: Block) -> [InlineRun]? {
    switch block.kind {
    case .paragraph(let paragraph): return paragraph
    case .heading(let level, let heading): return BlockLayouter.heading(heading, level: level)
    default: return nil
    }
  }

  /// Whether these are the lines of `block` too (a reload of an unchanged paragraph), so a
  /// layout of the document read again takes them as measured instead of measuring them again.
  func areLines(of block: Block) -> Bool {
    guard block.id == leaf, let runs = Self.runs(of: block) else { return false }
    return runs.isIdentical(to: self.runs)
  }

  private init(runs: [InlineRun], leaf: Int, width: Int) {
    self.runs = runs
    self.leaf = leaf
    breaker = LineBreaker(width: width)
    var offsets: [Int] = []
    offsets.reserveCapacity(runs.count + 1)
    var offset = 0
    for run in runs {
      offsets.append(offset)
      offset += run.text.utf8.count
    }
    offsets.append(offset)
    runOffsets = offsets
  }

  /// The UTF-8 length of the whole text.
  var textLength: Int { max(1, runOffsets[runOffsets.count - 1]) }

  /// Whether every line has been measured: the count and where each segment starts are known,
  /// so any line, the last included, costs a segment's layout at most.
  var isMeasured: Bool {
    lock.lock()
    defer { lock.unlock() }
    return total != nil
  }

  /// Measures the next segment not measured yet; false once every line has been measured. The
  /// lines are measured outside the lock (the runs never change), so a key that asks for a line
  /// meanwhile waits for nothing; what was measured is noted only if no one noted it first.
  func measureNextSegment() -> Bool {
    lock.lock()
    guard total == nil else {
      lock.unlock()
      return false
    }
    let segmentIndex = starts.count - 1
    let start = starts[segmentIndex]
    lock.unlock()
    let (count, next) = measure(from: start)
    lock.lock()
    defer { lock.unlock() }
    if total == nil && segmentIndex == starts.count - 1 { passed(segmentIndex, lines: count, next: next) }
    return total == nil
  }

  /// Takes the background measure of these lines on for the calling thread: false when another
  /// thread has it (the walk over a document's long paragraphs then goes on to the next).
  func claimBackgroundMeasure() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if measuredInBackground { return false }
    measuredInBackground = true
    leftToBackground = true
    return true
  }

  /// Leaves these lines to the walk over a layout's long paragraphs, which will come to them.
  func leaveToBackground() {
    lock.lock()
    defer { lock.unlock() }
    leftToBackground = true
  }

  /// Gives the background measure up, unfinished (the layout whose walk measured them is gone;
  /// a grown layout that holds them too has a walk of its own, which takes them on).
  func releaseBackgroundMeasure() {
    lock.lock()
    defer { lock.unlock() }
    measuredInBackground = false
  }

  /// Whether these lines are left to a background measure that has not reached their end.
  var isBeingMeasuredInBackground: Bool {
    lock.lock()
    defer { lock.unlock() }
    return leftToBackground && total == nil
  }

  /// Measures every line on a thread of its own, a segment at a time, while anything still
  /// holds these lines: `G` or a move back into the paragraph from below then finds its end
  /// measured instead of measuring the whole paragraph on the key path.
  func measureInBackground(start: (@escaping @Sendable () -> Void) -> Void = BackgroundThread.start) {
    guard claimBackgroundMeasure() else { return }
    start { [weak self] in
      while let lines = self, lines.measureNextSegment() {}
    }
  }

  /// Whether the line holding cluster `cluster`, and the segment after it, are found without
  /// measuring: false while a background measure has still to get that far, so a layout that
  /// needs the place there keeps showing another meanwhile.
  func findsWithoutMeasuring(cluster: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard leftToBackground, total == nil else { return true }
    return starts.count >= 3 && starts[starts.count - 2].cluster > cluster
  }

  /// How many lines have been measured or laid out so far (by whole segments).
  var linesReached: Int {
    lock.lock()
    defer { lock.unlock() }
    return total ?? starts.count * Self.segmentLength
  }

  /// Line `index`, or nil past the last.
  func line(_ index: Int) -> LayoutLine? {
    lock.lock()
    defer { lock.unlock() }
    guard let (lines, _) = segment(containing: index) else { return nil }
    let within = index % Self.segmentLength
    return within < lines.count ? lines[within] : nil
  }

  /// How many lines there are, counting no further than `limit`.
  func count(atMost limit: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    while total == nil && (starts.count - 1) * Self.segmentLength + 1 < limit {
      guard measureSegment() else { return min(limit, max(1, (starts.count - 1) * Self.segmentLength)) }
    }
    return min(limit, total ?? limit)
  }

  /// The UTF-8 offset in the text where line `index` starts (the text's length past the last).
  func textOffset(ofLine index: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    guard let (lines, offsets) = segment(containing: index) else { return textLength }
    let within = index % Self.segmentLength
    return within < lines.count ? offsets[within] : textLength
  }

  /// The first line that starts at UTF-8 offset `offset` or after, if any.
  func firstLine(startingAtOrAfter offset: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    while total == nil && self.offset(of: starts[starts.count - 1]) < offset && measureSegment() {}
    // The segment before the first one that starts at or after the offset may hold the line.
    let after = starts.firstIndex { self.offset(of: $0) >= offset } ?? starts.count
    for segmentIndex in max(0, after - 1)..<min(after + 1, starts.count) {
      guard let (_, offsets) = segment(containing: segmentIndex * Self.segmentLength) else { continue }
      if let within = offsets.firstIndex(where: { $0 >= offset }) {
        return segmentIndex * Self.segmentLength + within
      }
    }
    return nil
  }

  /// The last line whose first cluster is at or before cluster `cluster` (line 0 when none is).
  func lastLine(atOrBefore cluster: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    while total == nil && starts[starts.count - 1].cluster <= cluster && measureSegment() {}
    let segmentIndex = max(0, (starts.lastIndex { $0.cluster <= cluster } ?? 0))
    guard let (lines, _) = segment(containing: segmentIndex * Self.segmentLength) else { return 0 }
    let within = lines.lastIndex { $0.key.offset <= cluster } ?? 0
    return segmentIndex * Self.segmentLength + within
  }

  private func offset(of start: LineBreaker.LineStart) -> Int {
    runOffsets[start.position.run] + start.position.offset
  }

  /// The kept segment holding line `index` (laid out now if it is not kept), nil past the last.
  private func segment(containing index: Int) -> ([LayoutLine], [Int])? {
    let segmentIndex = index / Self.segmentLength
    if let lines = segments[segmentIndex], let offsets = segmentOffsets[segmentIndex] {
      recent.removeAll { $0 == segmentIndex }
      recent.append(segmentIndex)
      return (lines, offsets)
    }
    while total == nil && starts.count <= segmentIndex && measureSegment() {}
    guard segmentIndex < starts.count else { return nil }
    var lines: [LayoutLine] = []
    var offsets = [offset(of: starts[segmentIndex])]
    breaker.wrap(runs, leaf: leaf, from: starts[segmentIndex]) { line, next in
      lines.append(line!)
      guard lines.count < Self.segmentLength, let next else {
        passed(segmentIndex, lines: lines.count, next: next)
        return false
      }
      offsets.append(offset(of: next))
      return true
    }
    segments[segmentIndex] = lines
    segmentOffsets[segmentIndex] = offsets
    recent.append(segmentIndex)
    if recent.count > Self.keptSegments {
      let dropped = recent.removeFirst()
      segments[dropped] = nil
      segmentOffsets[dropped] = nil
    }
    return (lines, offsets)
  }

  /// Measures the lines of the segment after the last start known, learning where the next starts;
  /// false, measuring nothing, when a background thread measures these lines and the key path
  /// refuses to (`LongMeasureRefusal`): what the caller answers then is thrown away.
  @discardableResult
  private func measureSegment() -> Bool {
    if leftToBackground && LongMeasureRefusal.refuses() { return false }
    let segmentIndex = starts.count - 1
    let (count, next) = measure(from: starts[segmentIndex])
    passed(segmentIndex, lines: count, next: next)
    return true
  }

  /// How many lines the segment from `start` has (a whole segment's, or fewer at the end), and
  /// where the line after it starts (nil after the last): measured, not built, touching no state.
  private func measure(from start: LineBreaker.LineStart) -> (lines: Int, next: LineBreaker.LineStart?) {
    var count = 0
    var following: LineBreaker.LineStart?
    breaker.wrap(runs, leaf: leaf, from: start, making: false) { _, next in
      count += 1
      guard count < Self.segmentLength, next != nil else {
        following = next
        return false
      }
      return true
    }
    return (count, following)
  }

  /// Notes what laying out or measuring segment `segmentIndex` found: its last line is the
  /// paragraph's when nothing follows, and otherwise where the next segment starts.
  private func passed(_ segmentIndex: Int, lines: Int, next: LineBreaker.LineStart?) {
    guard let next else {
      total = segmentIndex * Self.segmentLength + lines
      return
    }
    if lines == Self.segmentLength && segmentIndex + 1 == starts.count { starts.append(next) }
  }
}
