/// The Unicode scalars of a list of inline runs, with where each run starts.
///
/// Detection and conversion work on scalar offsets: sentences may span runs, and a converted
/// sentence is cut back into its runs so that styles stay where they were.
struct RunText {
  let runs: [InlineRun]
  let scalars: [Unicode.Scalar]
  /// `runStarts[i]` is the offset of run `i`; one more entry holds the end of the text.
  let runStarts: [Int]

  init(_ runs: [InlineRun]) {
    self.runs = runs
    var scalars: [Unicode.Scalar] = []
    var starts: [Int] = []
    starts.reserveCapacity(runs.count + 1)
    for run in runs {
      starts.append(scalars.count)
      scalars.append(contentsOf: run.text.unicodeScalars)
    }
    starts.append(scalars.count)
    self.scalars = scalars
    self.runStarts = starts
  }

  /// Inline code is shown as written, like code blocks: it is neither evidence nor converted.
  func isConvertible(run index: Int) -> Bool {
    !runs[index].style.contains(.code)
  }

  /// The parts of `range` that lie in convertible runs, as (run, range) in order.
  func convertiblePieces(of range: Range<Int>) -> [(run: Int, range: Range<Int>)] {
    var pieces: [(run: Int, range: Range<Int>)] = []
    var run = firstRun(endingAfter: range.lowerBound)
    while run < runs.count && runStarts[run] < range.upperBound {
      let overlap = range.clamped(to: runStarts[run]..<runStarts[run + 1])
      if !overlap.isEmpty && isConvertible(run: run) { pieces.append((run, overlap)) }
      run += 1
    }
    return pieces
  }

  /// The first run whose end lies after `offset` (binary search: paragraphs may hold many runs).
  private func firstRun(endingAfter offset: Int) -> Int {
    var low = 0
    var high = runs.count
    while low < high {
      let middle = (low + high) / 2
      if runStarts[middle + 1] <= offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  func string(_ range: Range<Int>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[range])
    return text
  }

  /// Whether any scalar could be a Han character: a cheap test that lets Latin text skip OpenCC.
  static func mayContainHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value >= 0x2E80 }
  }
}
