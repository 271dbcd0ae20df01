/// A mark as the state file keeps it: the text position it names, in plain numbers.
///
/// Decoding refuses negative numbers: a state file is outside input.
public struct MarkPlace: Hashable, Sendable, Codable {
  public var block: Int
  public var leaf: Int
  public var offset: Int

  public init(_ position: TextPosition) {
    block = position.block
    leaf = position.key.leaf
    offset = position.key.offset
  }

  private enum CodingKeys: String, CodingKey {
    case block, leaf, offset
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    block = try container.decode(Int.self, forKey: .block)
    leaf = try container.decode(Int.self, forKey: .leaf)
    offset = try container.decode(Int.self, forKey: .offset)
    guard block >= 0, leaf >= 0, offset >= 0 else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: container.codingPath, debugDescription: "negative mark"))
    }
  }

  public var position: TextPosition {
    TextPosition(block: block, key: LineKey(leaf: leaf, offset: offset))
  }
}
