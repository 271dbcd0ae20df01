/// What the reader remembers of a document between runs: the text at the top of the body, the
/// display script, whether the outline pane is shown and the marks (`m a`).
///
/// The place is kept as a `TextPosition` (block and line key), not as a line number, so it
/// finds the same text at another terminal width. Decoding refuses negative numbers, and a
/// script this version does not know is restored as Original: a state file is outside input.
public struct ReadingPosition: Hashable, Sendable, Codable {
  /// The index of the top-level block at the top of the body.
  public var block: Int
  /// The `LineKey` of the text at the top of the body.
  public var leaf: Int
  public var offset: Int
  /// The `DisplayScript` raw value ("original", "traditional", "simplified").
  public var script: String
  public var outlineVisible: Bool
  /// The marks by their letter; absent from files written before marks existed.
  public var marks: [String: MarkPlace]

  public init(
    position: TextPosition, script: DisplayScript, outlineVisible: Bool,
    marks: [Character: TextPosition] = [:]
  ) {
    block = position.block
    leaf = position.key.leaf
    offset = position.key.offset
    self.script = script.rawValue
    self.outlineVisible = outlineVisible
    self.marks = Dictionary(uniqueKeysWithValues: marks.map { (String($0.key), MarkPlace($0.value)) })
  }

  private enum CodingKeys: String, CodingKey {
    case block, leaf, offset, script, outlineVisible, marks
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    block = try container.decode(Int.self, forKey: .block)
    leaf = try container.decode(Int.self, forKey: .leaf)
    offset = try container.decode(Int.self, forKey: .offset)
    script = try container.decode(String.self, forKey: .script)
    outlineVisible = try container.decode(Bool.self, forKey: .outlineVisible)
    // A damaged mark loses the marks, never the place.
    marks = (try? container.decodeIfPresent([String: MarkPlace].self, forKey: .marks)) ?? [:]
    guard block >= 0, leaf >= 0, offset >= 0 else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: container.codingPath, debugDescription: "negative position"))
    }
  }

  /// Where the reader is in `state`, to remember for the next run: the remembered place itself
  /// while the document has not loaded as far as it (`ReaderState.pendingPlace`). Nil when the
  /// body shows no text.
  public init?(state: ReaderState) {
    let key = state.pendingPlace.map(\.position.key) ?? state.bodyLayout.key(at: state.anchor)
    guard let key else { return nil }
    self.init(
      position: TextPosition(block: state.pendingPlace?.block ?? state.anchor.block, key: key),
      script: state.setting.script, outlineVisible: state.outlineVisible, marks: state.marks)
  }

  /// The remembered place as a text position.
  public var position: TextPosition {
    TextPosition(block: block, key: LineKey(leaf: leaf, offset: offset))
  }

  /// The marks whose name is a letter (others in a hand-edited file are left out).
  public var markPlaces: [Character: TextPosition] {
    var places: [Character: TextPosition] = [:]
    for (name, place) in marks {
      guard name.count == 1, let letter = name.first, letter.isASCII, letter.isLetter else { continue }
      places[letter] = place.position
    }
    return places
  }

  /// The remembered script, or Original for a name this version does not know.
  public var displayScript: DisplayScript { DisplayScript(rawValue: script) ?? .original }

  /// The anchor in `layout` that shows the remembered text, kept inside the document (a file
  /// may have been replaced by a shorter one with the same content hash only in theory, but a
  /// hand-edited state file can name any block).
  public func anchor(in layout: DocumentLayout) -> Anchor {
    guard layout.blockCount > 0 else { return .top }
    return layout.anchor(block: min(block, layout.blockCount - 1), key: position.key)
  }
}
