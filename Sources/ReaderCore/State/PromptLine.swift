/// One line of text being typed, with a cursor, edited with the keys of a shell's line:
/// Left / Right, Ctrl-A / Ctrl-E (Home / End), Backspace, Delete (the character under the cursor),
/// Ctrl-W (the word before the cursor) and Ctrl-U (everything before the cursor), as readline and
/// vim's command line do.
public struct PromptLine: Hashable, Sendable {
  public private(set) var characters: [Character]
  /// Where the next character goes: 0 before the first, `characters.count` after the last.
  public private(set) var cursor: Int

  /// `text` with the cursor after it.
  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }
  public var count: Int { characters.count }
  public var beforeCursor: String { String(characters[..<cursor]) }
  public var afterCursor: String { String(characters[cursor...]) }

  mutating func insert(_ character: Character) {
    characters.insert(character, at: cursor)
    cursor += 1
  }

  /// Deletes the character before the cursor; false when there is none.
  @discardableResult
  mutating func deleteBackward() -> Bool {
    guard cursor > 0 else { return false }
    characters.remove(at: cursor - 1)
    cursor -= 1
    return true
  }

  /// Deletes the character under the cursor (the one after it); false at the end of the line.
  @discardableResult
  mutating func deleteForward() -> Bool {
    guard cursor < characters.count else { return false }
    characters.remove(at: cursor)
    return true
  }

  mutating func moveLeft() { cursor = max(0, cursor - 1) }
  mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
  mutating func moveToStart() { cursor = 0 }
  mutating func moveToEnd() { cursor = characters.count }

  /// Ctrl-U: deletes everything before the cursor.
  mutating func deleteToStart() {
    characters.removeSubrange(0..<cursor)
    cursor = 0
  }

  /// Ctrl-W: deletes the blanks before the cursor, then the run of characters of one kind before
  /// them: a word of letters and digits, a run of Han (or kana, hangul), or of punctuation.
  mutating func deleteWordBackward() {
    var start = cursor
    while start > 0 && Self.kind(of: characters[start - 1]) == .blank { start -= 1 }
    if start > 0 {
      let kind = Self.kind(of: characters[start - 1])
      while start > 0 && Self.kind(of: characters[start - 1]) == kind { start -= 1 }
    }
    characters.removeSubrange(start..<cursor)
    cursor = start
  }

  private enum Kind { case blank, word, ideograph, other }

  private static func kind(of character: Character) -> Kind {
    if character.isWhitespace { return .blank }
    guard let scalar = character.unicodeScalars.first else { return .other }
    switch scalar.value {
    case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
      // CJK punctuation (U+3000-303F) and full-width forms are punctuation, not a word.
      return (0x3000...0x303F).contains(scalar.value) ? .other : .ideograph
    default:
      return character.isLetter || character.isNumber || character == "_" ? .word : .other
    }
  }
}
