/// Converts strings, blocks and documents to a display script: the viewer's conversion.
///
/// Only what is written in the other script is converted, both ways: Traditional applies s2tw
/// (s2twp with `vocabulary`) to the sentences detected as Simplified, Simplified applies tw2s
/// (tw2sp) to the sentences detected as Traditional; a sentence already in the target script is
/// shown exactly as written (tw2s would turn a Simplified 什么 into 什幺), and inside a converted
/// sentence a character that is already a form of the target script only stays as written.
/// Traditional sentences keep the author's spellings (雇, 周五, 台), and converted sentences
/// follow them too (see `AuthorSpelling`). A block's result depends only on (block, script,
/// vocabulary) and the document's spelling: convert the blocks on screen when asked and cache
/// them by that key.
public final class ScriptConverter: Sendable {
  /// The converter the viewer and the command line share.
  public static let shared = ScriptConverter(library: .shared, detector: .shared)

  public let library: OpenCCLibrary
  public let detector: ScriptDetector

  public init(library: OpenCCLibrary, detector: ScriptDetector? = nil) {
    self.library = library
    self.detector = detector ?? ScriptDetector(library: library)
  }

  /// Opens every configuration `script` needs, so missing OpenCC data is reported before any text
  /// is shown. Opening s2tw-like configurations takes about 30 ms and 8 MB the first time.
  public func prepare(_ script: DisplayScript, vocabulary: Bool = false) throws(ConversionError) {
    guard let name = script.configName(vocabulary: vocabulary) else { return }
    _ = try library.converter(named: name)
    // The detector's configurations: both views convert only the sentences in the other script.
    try detector.prepare()
  }

  /// The one line to show once when `script` converts with the system's older dictionaries
  /// because the compiled OpenCC 1.4.2 ones were not found; nil otherwise.
  public func fallbackNotice(for script: DisplayScript, vocabulary: Bool = false) -> String? {
    script.configName(vocabulary: vocabulary).flatMap { library.fallbackNotice(for: $0) }
  }

  /// The folder of the system's dictionaries converting into `script` in place of the compiled
  /// ones, or nil when the compiled ones are there (or the text is shown as written).
  public func fallbackFolder(for script: DisplayScript, vocabulary: Bool = false) -> String? {
    script.configName(vocabulary: vocabulary).flatMap { library.fallbackFolder(for: $0) }
  }

  /// A plain string (an outline title, a status line) in `script`.
  public func convert(
    _ text: String, to script: DisplayScript, vocabulary: Bool = false, spelling: AuthorSpelling = .none
  ) throws(ConversionError) -> String {
    try convert(runs: [InlineRun(text)], to: script, vocabulary: vocabulary, spelling: spelling).plainText
  }

  /// A block in `script`, with the same id and inline styles; code blocks and inline code are left
  /// as written.
  public func convert(
    _ block: Block, to script: DisplayScript, vocabulary: Bool = false, spelling: AuthorSpelling = .none
  ) throws(ConversionError) -> Block {
    if script == .original { return block }
    func runs(_ runs: [InlineRun]) throws(ConversionError) -> [InlineRun] {
      try convert(runs: runs, to: script, vocabulary: vocabulary, spelling: spelling)
    }
    func blocks(_ blocks: [Block]) throws(ConversionError) -> [Block] {
      var converted: [Block] = []
      converted.reserveCapacity(blocks.count)
      for block in blocks {
        converted.append(try convert(block, to: script, vocabulary: vocabulary, spelling: spelling))
      }
      return converted
    }
    let kind: Block.Kind
    switch block.kind {
    case .heading(let level, let content):
      kind = .heading(level: level, runs: try runs(content))
    case .paragraph(let content):
      kind = .paragraph(try runs(content))
    case .list(var list):
      for index in list.items.indices { list.items[index].blocks = try blocks(list.items[index].blocks) }
      kind = .list(list)
    case .quote(let content):
      kind = .quote(try blocks(content))
    case .footnote(let label, let content):
      kind = .footnote(label: label, blocks: try blocks(content))
    case .table(var table):
      for index in table.header.indices { table.header[index] = try runs(table.header[index]) }
      for row in table.rows.indices {
        for cell in table.rows[row].indices { table.rows[row][cell] = try runs(table.rows[row][cell]) }
      }
      kind = .table(table)
    case .code, .thematicBreak, .frontMatter:
      return block
    }
    return Block(id: block.id, kind: kind)
  }

  /// The whole document in `script`, for `--print`, with the document's own spelling; its outline
  /// is rebuilt from the converted blocks. The title is a file name and stays as it is on disk.
  public func convert(_ document: Document, to script: DisplayScript, vocabulary: Bool = false)
    throws(ConversionError) -> Document
  {
    if script == .original { return document }
    try prepare(script, vocabulary: vocabulary)
    let spelling = try spelling(of: document, in: script)
    var blocks: [Block] = []
    blocks.reserveCapacity(document.blocks.count)
    for block in document.blocks {
      blocks.append(try convert(block, to: script, vocabulary: vocabulary, spelling: spelling))
    }
    return try document.replacingBlocks(blocks) { title throws(ConversionError) in
      try convert(title, to: script, vocabulary: vocabulary, spelling: spelling)
    }
  }

  /// The author's spellings that the blocks of `document` follow in `script`: what
  /// `convert(_:to:vocabulary:)` gives each block, for converting a document a part at a time
  /// (`convert(block, to: script, vocabulary: vocabulary, spelling: ...)` after `prepare`).
  public func spelling(of document: Document, in script: DisplayScript) throws(ConversionError)
    -> AuthorSpelling
  {
    script == .traditional ? try detector.authorSpelling(of: document) : .none
  }

  /// Inline runs in `script`, each keeping its style.
  public func convert(
    runs: [InlineRun], to script: DisplayScript, vocabulary: Bool = false, spelling: AuthorSpelling = .none
  ) throws(ConversionError) -> [InlineRun] {
    guard script.configName(vocabulary: vocabulary) != nil,
      runs.contains(where: { RunText.mayContainHan($0.text) })
    else { return runs }
    let converted = try convertSentences(runs, to: script, vocabulary: vocabulary, spelling: spelling)
    // Quotation marks follow the region with the vocabulary, in every sentence: they are not
    // evidence of a script, only of a habit.
    return vocabulary ? RegionalQuotes.localise(converted, to: script) : converted
  }

  /// The sentences of `runs` written in the other script, converted; the rest as written.
  private func convertSentences(
    _ runs: [InlineRun], to script: DisplayScript, vocabulary: Bool, spelling: AuthorSpelling
  ) throws(ConversionError) -> [InlineRun] {
    guard let name = script.configName(vocabulary: vocabulary) else { return runs }
    let converter = try library.converter(named: name)
    let text = RunText(runs)
    let stretches = try detector.sentenceEvidence(of: text).filter { $0.evidence.isConverted(to: script) }
      .map(\.range)
    if stretches.isEmpty { return runs }
    let target = Target(
      script: script, spelling: script == .traditional ? spelling : .none,
      answers: try detector.answers(covering: text))
    var replacements: [Replacement] = []
    for stretch in stretches {
      replacements += try convert(stretch, of: text, with: converter, target: target)
    }
    return Self.apply(replacements, to: text)
  }

  /// What a converted character is checked against before it replaces the written one.
  private struct Target {
    var script: DisplayScript
    var spelling: AuthorSpelling
    var answers: ScriptDetector.CharacterAnswers

    /// Whether `written` stays where OpenCC wrote `converted`: it is already a form of the
    /// target script only (OpenCC's variant tables would still change some, 么 → 幺, 裏 → 裡), or
    /// the author spells it so.
    func keeps(
      _ written: Unicode.Scalar, over converted: Unicode.Scalar, after previous: Unicode.Scalar?,
      before next: Unicode.Scalar?
    ) -> Bool {
      answers[written].isOnly(script)
        || spelling.keeps(written, over: converted, after: previous, before: next)
    }
  }

  /// New text for part of one run.
  private struct Replacement {
    var run: Int
    var range: Range<Int>
    var text: String
  }

  /// Converts a stretch in one call so that phrases across style changes still match, then cuts
  /// the result back at the run boundaries. When the conversion changed the number of characters
  /// (s2twp: 闪存 → 快閃記憶體) neither the cut nor the kept characters can be placed: each
  /// run's part is then converted alone and kept as OpenCC wrote it.
  private func convert(
    _ stretch: Range<Int>, of text: RunText, with converter: OpenCCConverter, target: Target
  ) throws(ConversionError) -> [Replacement] {
    var replacements: [Replacement] = []
    var group: [(run: Int, range: Range<Int>)] = []
    func flush() throws(ConversionError) {
      guard let first = group.first, let last = group.last else { return }
      defer { group.removeAll() }
      let whole = first.range.lowerBound..<last.range.upperBound
      var converted = Array(try converter.convert(text.string(whole)).unicodeScalars)
      if converted.count == whole.count {
        let opencc = converted
        for (offset, written) in text.scalars[whole].enumerated()
        where opencc[offset] != written
          && target.keeps(
            written, over: opencc[offset], after: offset > 0 ? opencc[offset - 1] : nil,
            before: offset + 1 < opencc.count ? opencc[offset + 1] : nil)
        {
          converted[offset] = written
        }
      } else if group.count > 1 {
        for piece in group {
          let part = try converter.convert(text.string(piece.range))
          replacements.append(Replacement(run: piece.run, range: piece.range, text: part))
        }
        return
      }
      var offset = 0
      for piece in group {
        let length = group.count == 1 ? converted.count : piece.range.count
        var part = ""
        part.unicodeScalars.append(contentsOf: converted[offset..<offset + length])
        replacements.append(Replacement(run: piece.run, range: piece.range, text: part))
        offset += length
      }
    }
    for piece in text.convertiblePieces(of: stretch) {
      if let last = group.last, last.range.upperBound != piece.range.lowerBound { try flush() }
      group.append(piece)
    }
    try flush()
    return replacements
  }

  private static func apply(_ replacements: [Replacement], to text: RunText) -> [InlineRun] {
    var runs = text.runs
    var byRun: [Int: [Replacement]] = [:]
    for replacement in replacements { byRun[replacement.run, default: []].append(replacement) }
    for (run, list) in byRun {
      // Pieces made apart and appended to the String: UnicodeScalarView's append(contentsOf:)
      // makes a new string of all the text so far each time, which made a 50 MB paragraph's
      // thousands of replacements quadratic (`t` did not come back).
      var result = ""
      var offset = text.runStarts[run]
      for replacement in list.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        result += text.string(offset..<replacement.range.lowerBound)
        result += replacement.text
        offset = replacement.range.upperBound
      }
      result += text.string(offset..<text.runStarts[run + 1])
      runs[run].text = result
    }
    return runs
  }
}
