import Foundation

/// Tells Simplified from Traditional text, sentence by sentence, with OpenCC's t2s and s2t.
///
/// A Han character that t2s changes is Traditional evidence, one that s2t changes Simplified
/// evidence; in each sentence the larger count wins. OpenCC is asked about each distinct character
/// once, alone on its line so that no phrase of its dictionaries applies (the answer of the
/// character-only dictionaries), and the answers are kept: detecting a 10 MB document asks only
/// about the few thousand characters it uses, then counts in Swift.
public final class ScriptDetector: @unchecked Sendable {
  /// The detector the viewer and the command line share.
  public static let shared = ScriptDetector(library: .shared)

  public let library: OpenCCLibrary

  private let lock = NSLock()
  /// What OpenCC said about each Han character asked so far.
  private var known: [Unicode.Scalar: CharacterEvidence] = [:]

  public init(library: OpenCCLibrary) {
    self.library = library
  }

  /// The evidence of script in `text`, all sentences together.
  public func evidence(in text: String) throws(ConversionError) -> ScriptEvidence {
    let runText = RunText([InlineRun(text)])
    return try evidence(in: runText, ranges: [0..<runText.scalars.count])[0]
  }

  /// The sentences of `text` (split after 。！？ and line ends), each with its evidence.
  public func sentences(in text: String) throws(ConversionError) -> [DetectedSentence] {
    let runText = RunText([InlineRun(text)])
    let ranges = SentenceSplitter.ranges(in: runText.scalars)
    let evidence = try evidence(in: runText, ranges: ranges)
    return zip(ranges, evidence).map { DetectedSentence(text: runText.string($0), evidence: $1) }
  }

  /// The script of a text: the scripts of its sentences combined.
  public func script(of text: String) throws(ConversionError) -> TextScript {
    try script(ofRuns: [InlineRun(text)])
  }

  /// The script of a block and the blocks inside it; code and HTML are neutral.
  public func script(of block: Block) throws(ConversionError) -> TextScript {
    var texts: [[InlineRun]] = []
    Self.collectTexts(of: block, into: &texts)
    var script = TextScript.neutral
    for runs in texts { script = script.combined(with: try self.script(ofRuns: runs)) }
    return script
  }

  /// The script of a list of inline runs; inline code is not evidence.
  public func script(ofRuns runs: [InlineRun]) throws(ConversionError) -> TextScript {
    guard runs.contains(where: { RunText.mayContainHan($0.text) }) else { return .neutral }
    return try sentenceEvidence(of: RunText(runs)).reduce(TextScript.neutral) {
      $0.combined(with: $1.evidence.script)
    }
  }

  /// The evidence of a whole document, for its majority script.
  public func evidence(of document: Document) throws(ConversionError) -> ScriptEvidence {
    var total = ScriptEvidence()
    for block in document.blocks { total += try evidence(of: block) }
    return total
  }

  /// The script most of the document is written in: the larger count of evidence over all its text.
  public func dominantScript(of document: Document) throws(ConversionError) -> TextScript {
    try evidence(of: document).script
  }

  /// The author's Traditional spelling in `document`, from its Traditional sentences.
  public func authorSpelling(of document: Document) throws(ConversionError) -> AuthorSpelling {
    var texts: [[InlineRun]] = []
    for block in document.blocks { Self.collectTexts(of: block, into: &texts) }
    return try authorSpelling(ofTexts: texts)
  }

  /// The author's Traditional spelling in lines of plain text (`reader convert`).
  public func authorSpelling(ofLines lines: [String]) throws(ConversionError) -> AuthorSpelling {
    try authorSpelling(ofTexts: lines.map { [InlineRun($0)] })
  }

  private func authorSpelling(ofTexts texts: [[InlineRun]]) throws(ConversionError) -> AuthorSpelling {
    var characters = Set<Unicode.Scalar>()
    for runs in texts where runs.contains(where: { RunText.mayContainHan($0.text) }) {
      let text = RunText(runs)
      for sentence in try sentenceEvidence(of: text) where sentence.evidence.script == .traditional {
        for piece in text.convertiblePieces(of: sentence.range) {
          for scalar in text.scalars[piece.range] where Self.isHan(scalar) { characters.insert(scalar) }
        }
      }
    }
    let table = try answers(for: characters)
    return AuthorSpelling(
      traditionalCharacters: characters,
      deliberateCharacters: characters.filter { table[$0]?.contains(.simplified) == true })
  }

  /// The inline texts of a block and the blocks inside it: headings, paragraphs, table cells.
  private static func collectTexts(of block: Block, into texts: inout [[InlineRun]]) {
    switch block.kind {
    case .heading(_, let runs), .paragraph(let runs):
      texts.append(runs)
    case .list, .quote:
      for child in block.children { collectTexts(of: child, into: &texts) }
    case .table(let table):
      texts += table.header
      for row in table.rows { texts += row }
    case .code, .thematicBreak, .html:
      break
    }
  }

  /// The evidence of a block and the blocks inside it.
  public func evidence(of block: Block) throws(ConversionError) -> ScriptEvidence {
    var texts: [[InlineRun]] = []
    Self.collectTexts(of: block, into: &texts)
    var total = ScriptEvidence()
    for runs in texts where runs.contains(where: { RunText.mayContainHan($0.text) }) {
      let text = RunText(runs)
      total += try evidence(in: text, ranges: [0..<text.scalars.count])[0]
    }
    return total
  }

  /// The sentences of a run text, as scalar ranges, each with its evidence.
  func sentenceEvidence(of text: RunText) throws(ConversionError) -> [(
    range: Range<Int>, evidence: ScriptEvidence
  )] {
    let ranges = SentenceSplitter.ranges(in: text.scalars)
    let evidence = try evidence(in: text, ranges: ranges)
    return Array(zip(ranges, evidence)).map { (range: $0, evidence: $1) }
  }

  /// The evidence in each of `ranges` of `text`, counting only convertible runs.
  func evidence(in text: RunText, ranges: [Range<Int>]) throws(ConversionError) -> [ScriptEvidence] {
    var han = Set<Unicode.Scalar>()
    for run in text.runs.indices where text.isConvertible(run: run) {
      for scalar in text.scalars[text.runStarts[run]..<text.runStarts[run + 1]] where Self.isHan(scalar) {
        han.insert(scalar)
      }
    }
    if han.isEmpty { return ranges.map { _ in ScriptEvidence() } }
    let table = try answers(for: han)
    return ranges.map { range in
      var evidence = ScriptEvidence()
      for piece in text.convertiblePieces(of: range) {
        for scalar in text.scalars[piece.range] {
          guard let answer = table[scalar] else { continue }
          if answer.contains(.traditional) { evidence.traditional += 1 }
          if answer.contains(.simplified) { evidence.simplified += 1 }
        }
      }
      return evidence
    }
  }

  /// The kept answers, after asking OpenCC about those of `characters` not asked before.
  private func answers(for characters: Set<Unicode.Scalar>) throws(ConversionError) -> [Unicode.Scalar:
    CharacterEvidence]
  {
    lock.lock()
    let snapshot = known
    lock.unlock()
    let unknown = characters.filter { snapshot[$0] == nil }.sorted { $0.value < $1.value }
    if unknown.isEmpty { return snapshot }
    let toSimplified = try changed(by: library.converter(named: "t2s"), unknown)
    let toTraditional = try changed(by: library.converter(named: "s2t"), unknown)
    lock.lock()
    defer { lock.unlock() }
    for (index, scalar) in unknown.enumerated() {
      var answer = CharacterEvidence()
      if toSimplified[index] { answer.insert(.traditional) }
      if toTraditional[index] { answer.insert(.simplified) }
      known[scalar] = answer
    }
    return known
  }

  /// Whether `converter` changes each character when it stands alone on its line.
  private func changed(by converter: OpenCCConverter, _ characters: [Unicode.Scalar]) throws(ConversionError)
    -> [Bool]
  {
    var input = ""
    input.unicodeScalars.reserveCapacity(characters.count * 2)
    for scalar in characters {
      input.unicodeScalars.append(scalar)
      input.unicodeScalars.append("\n")
    }
    let lines = try converter.convert(input).split(separator: "\n", omittingEmptySubsequences: false)
    if lines.count == characters.count + 1 {
      return zip(characters, lines).map { scalar, line in
        !(line.unicodeScalars.count == 1 && line.unicodeScalars.first == scalar)
      }
    }
    // A dictionary that maps a character to a line break would misalign the lines: ask one by one.
    var result: [Bool] = []
    for scalar in characters {
      let text = String(Character(scalar))
      result.append(try converter.convert(text) != text)
    }
    return result
  }

  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x2E80 && scalar.properties.isIdeographic
  }

  /// What t2s and s2t do to one character.
  private struct CharacterEvidence: OptionSet {
    let rawValue: UInt8
    static let traditional = CharacterEvidence(rawValue: 1)
    static let simplified = CharacterEvidence(rawValue: 2)
  }
}
