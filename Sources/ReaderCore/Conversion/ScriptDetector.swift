import FoundationEssentials

/// Tells Simplified from Traditional text, sentence by sentence, with OpenCC's t2s and s2t.
///
/// A Han character that t2s changes is Traditional evidence, one that s2t changes Simplified
/// evidence; in each sentence the larger count wins. OpenCC is asked about each distinct character
/// once, alone on its line so that no phrase of its dictionaries applies, and the answers are
/// kept: detecting a 10 MB document asks only about the few thousand characters it uses, then
/// counts in Swift. A character alone is answered by the character dictionaries only, so t2s and
/// s2t are opened without their phrases (`reader-t2s-characters`, `reader-s2t-characters`: a few
/// hundred kilobytes where s2t's phrases take 8 MB); the system's older data has only t2s and s2t.
public final class ScriptDetector: @unchecked Sendable {
  /// The detector the viewer and the command line share.
  public static let shared = ScriptDetector(library: .shared)

  public let library: OpenCCLibrary

  private let lock = Lock()
  /// What OpenCC said about each Han character asked so far.
  private var known = CharacterAnswers()

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
      $0.combined(with: $1.evidence.distinctScript)
    }
  }

  /// One pass over the whole document: block scripts and sentence counts (for outline marks and
  /// the status line: only sentences with distinct characters count), the majority script and
  /// the author's spelling. A 10 MB document takes seconds: run it off the main loop.
  public func scripts(of document: Document) throws(ConversionError) -> DocumentScripts {
    var survey = TraditionalSurvey()
    var blockScripts: [TextScript] = []
    blockScripts.reserveCapacity(document.blocks.count)
    var total = ScriptEvidence()
    var simplifiedSentences = 0
    var traditionalSentences = 0
    for block in document.blocks {
      var texts: [[InlineRun]] = []
      Self.collectTexts(of: block, into: &texts)
      var script = TextScript.neutral
      for runs in texts where runs.contains(where: { RunText.mayContainHan($0.text) }) {
        let text = RunText(runs)
        for sentence in try sentenceEvidence(of: text) {
          let distinct = sentence.evidence.distinctScript
          script = script.combined(with: distinct)
          if distinct.containsSimplified { simplifiedSentences += 1 }
          if distinct.containsTraditional { traditionalSentences += 1 }
          total += sentence.evidence
          if sentence.evidence.script == .traditional { survey.note(sentence.range, of: text) }
        }
      }
      blockScripts.append(script)
    }
    return DocumentScripts(
      blockScripts: blockScripts, evidence: total, spelling: try spelling(from: survey),
      simplifiedSentences: simplifiedSentences, traditionalSentences: traditionalSentences)
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
    try scripts(of: document).spelling
  }

  /// The author's Traditional spelling in lines of plain text (`reader convert`).
  public func authorSpelling(ofLines lines: [String]) throws(ConversionError) -> AuthorSpelling {
    var survey = TraditionalSurvey()
    for line in lines where RunText.mayContainHan(line) {
      let text = RunText([InlineRun(line)])
      for sentence in try sentenceEvidence(of: text) where sentence.evidence.script == .traditional {
        survey.note(sentence.range, of: text)
      }
    }
    return try spelling(from: survey)
  }

  private func spelling(from survey: TraditionalSurvey) throws(ConversionError) -> AuthorSpelling {
    let characters = survey.hanCharacters()
    let table = try learn(characters)
    return AuthorSpelling(
      traditionalCharacters: characters,
      deliberateCharacters: characters.filter { table[$0].contains(.simplified) },
      traditionalPairs: survey.pairs)
  }

  /// The characters seen in Traditional sentences, in a flat table: a set would hash every
  /// character of a large document.
  private struct TraditionalSurvey {
    private var seen = [Bool](repeating: false, count: 0x10000)
    private var supplementary = Set<Unicode.Scalar>()
    /// Adjacent Han characters, as `AuthorSpelling.pair`.
    private(set) var pairs = Set<UInt64>()

    mutating func note(_ range: Range<Int>, of text: RunText) {
      for piece in text.convertiblePieces(of: range) {
        var previous: Unicode.Scalar?
        for scalar in text.scalars[piece.range] {
          guard scalar.value >= CharacterAnswers.firstHan else {
            previous = nil
            continue
          }
          if scalar.value < 0x10000 { seen[Int(scalar.value)] = true } else { supplementary.insert(scalar) }
          if let previous { pairs.insert(AuthorSpelling.pair(previous, scalar)) }
          previous = scalar
        }
      }
    }

    func hanCharacters() -> Set<Unicode.Scalar> {
      var characters = supplementary.filter(ScriptDetector.isHan)
      for value in seen.indices where seen[value] {
        if let scalar = Unicode.Scalar(UInt32(value)), ScriptDetector.isHan(scalar) {
          characters.insert(scalar)
        }
      }
      return characters
    }
  }

  /// The inline texts of a block and the blocks inside it: headings, paragraphs, table cells.
  private static func collectTexts(of block: Block, into texts: inout [[InlineRun]]) {
    switch block.kind {
    case .heading(_, let runs), .paragraph(let runs):
      texts.append(runs)
    case .list, .quote, .footnote:
      for child in block.children { collectTexts(of: child, into: &texts) }
    case .table(let table):
      texts += table.header
      for row in table.rows { texts += row }
    case .code, .thematicBreak, .frontMatter:
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
    let paragraph = evidence.reduce(ScriptEvidence(), +)
    return Array(zip(ranges, evidence)).map { (range: $0, evidence: $1.read(in: paragraph)) }
  }

  /// The answers for every Han character of the convertible runs of `text`, asking OpenCC about
  /// those not asked yet.
  func answers(covering text: RunText) throws(ConversionError) -> CharacterAnswers {
    let table = snapshot()
    var unknown = Set<Unicode.Scalar>()
    for run in text.runs.indices where text.isConvertible(run: run) {
      for scalar in text.scalars[text.runStarts[run]..<text.runStarts[run + 1]]
      where scalar.value >= CharacterAnswers.firstHan
        && table.raw(scalar) & CharacterEvidence.known.rawValue == 0
      {
        unknown.insert(scalar)
      }
    }
    return unknown.isEmpty ? table : try learn(unknown)
  }

  /// The evidence in each of `ranges` of `text`, counting only convertible runs.
  func evidence(in text: RunText, ranges: [Range<Int>]) throws(ConversionError) -> [ScriptEvidence] {
    let table = try answers(covering: text)
    return ranges.map { range in
      var evidence = ScriptEvidence()
      for piece in text.convertiblePieces(of: range) {
        // Plain bit operations: this loop walks every character of a document.
        for scalar in text.scalars[piece.range] where scalar.value >= CharacterAnswers.firstHan {
          let answer = table.raw(scalar)
          evidence.traditional += Int(answer >> 1 & 1)
          evidence.simplified += Int(answer >> 2 & 1)
          evidence.distinctTraditional += Int(answer >> 3 & 1)
          evidence.distinctSimplified += Int(answer >> 4 & 1)
        }
      }
      return evidence
    }
  }

  private func snapshot() -> CharacterAnswers {
    lock.lock()
    defer { lock.unlock() }
    return known
  }

  /// The kept answers, after asking OpenCC about the Han characters among `characters`.
  private func learn(_ characters: Set<Unicode.Scalar>) throws(ConversionError) -> CharacterAnswers {
    let han = characters.filter(Self.isHan).sorted { $0.value < $1.value }
    var toSimplified: [Bool] = []
    var toTraditional: [Bool] = []
    var distinctlyToSimplified: [Bool] = []
    var distinctlyToTraditional: [Bool] = []
    if !han.isEmpty {
      toSimplified = try changed(by: converter(Self.toSimplified), han)
      toTraditional = try changed(by: converter(Self.toTraditional), han)
      // Built with the 1.4.2 dictionaries; without them every converted character is distinct.
      distinctlyToSimplified = toSimplified
      distinctlyToTraditional = toTraditional
      if let distinct = try? library.converter(named: Self.distinctToSimplified) {
        distinctlyToSimplified = try changed(by: distinct, han)
      }
      if let distinct = try? library.converter(named: Self.distinctToTraditional) {
        distinctlyToTraditional = try changed(by: distinct, han)
      }
    }
    lock.lock()
    defer { lock.unlock() }
    for scalar in characters { known[scalar] = .known }
    for (index, scalar) in han.enumerated() {
      var answer = CharacterEvidence.known
      if toSimplified[index] { answer.insert(.traditional) }
      if toTraditional[index] { answer.insert(.simplified) }
      if toSimplified[index] && distinctlyToSimplified[index] { answer.insert(.distinctTraditional) }
      if toTraditional[index] && distinctlyToTraditional[index] { answer.insert(.distinctSimplified) }
      known[scalar] = answer
    }
    return known
  }

  /// The configurations `scripts/opencc-dictionaries` builds for detection: t2s and s2t without
  /// their phrase dictionaries (each falling back to the configuration itself), and the same
  /// without the characters OpenCC lists among their own conversions (normal in both scripts).
  static let toSimplified = (characters: "reader-t2s-characters", phrases: "t2s")
  static let toTraditional = (characters: "reader-s2t-characters", phrases: "s2t")
  static let distinctToSimplified = "reader-t2s-distinct"
  static let distinctToTraditional = "reader-s2t-distinct"

  /// Opens the configurations detection needs, so that missing OpenCC data is reported early.
  public func prepare() throws(ConversionError) {
    _ = try converter(Self.toSimplified)
    _ = try converter(Self.toTraditional)
  }

  /// The characters-only configuration, or the whole one when only the system's data is there.
  private func converter(_ names: (characters: String, phrases: String)) throws(ConversionError)
    -> OpenCCConverter
  {
    if let characters = try? library.converter(named: names.characters) { return characters }
    return try library.converter(named: names.phrases)
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

  /// What t2s and s2t do to one character; `known` once it has been asked.
  struct CharacterEvidence: OptionSet {
    let rawValue: UInt8
    static let known = CharacterEvidence(rawValue: 1)
    static let traditional = CharacterEvidence(rawValue: 2)
    static let simplified = CharacterEvidence(rawValue: 4)
    static let distinctTraditional = CharacterEvidence(rawValue: 8)
    static let distinctSimplified = CharacterEvidence(rawValue: 16)

    /// Whether the character is a form of `script` only: t2s changes a Traditional-only one and
    /// s2t leaves it alone, and the other way round.
    func isOnly(_ script: DisplayScript) -> Bool {
      switch script {
      case .traditional: return contains(.traditional) && !contains(.simplified)
      case .simplified: return contains(.simplified) && !contains(.traditional)
      case .original: return false
      }
    }
  }

  /// The answers by character: a flat table for the Basic Multilingual Plane, where nearly all Han
  /// characters are, so that counting the evidence of a large document is a walk over an array.
  struct CharacterAnswers {
    /// Nothing below U+2E80 (the first CJK radical) is Han.
    static let firstHan: UInt32 = 0x2E80

    private var basic = [UInt8](repeating: 0, count: 0x10000)
    private var supplementary: [UInt32: UInt8] = [:]

    func raw(_ scalar: Unicode.Scalar) -> UInt8 {
      let value = scalar.value
      return value < 0x10000 ? basic[Int(value)] : supplementary[value] ?? 0
    }

    subscript(scalar: Unicode.Scalar) -> CharacterEvidence {
      get { CharacterEvidence(rawValue: raw(scalar)) }
      set {
        let value = scalar.value
        if value < 0x10000 {
          basic[Int(value)] = newValue.rawValue
        } else {
          supplementary[value] = newValue.rawValue
        }
      }
    }
  }
}
