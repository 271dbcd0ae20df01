/// The top-level blocks of a document, kept in segments of `segmentSize` blocks so that copies
/// share them.
///
/// A document that loads in the background is published after each chunk while the screen
/// holds the copy before it: with one array, every append copied every block so far (a 100 MB
/// book's last chunks copied a million blocks each, a quarter of its whole parse). Here an
/// append copies at most the last, partly filled segment and the short list of segments.
///
/// Every segment but the last holds exactly `segmentSize` blocks, so two lists of the same
/// blocks have the same segments, and equality and hashing compare the blocks.
public struct BlockList: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
  static let segmentShift = 12
  /// How many blocks a full segment holds.
  static let segmentSize = 1 << segmentShift

  private var segments: [[Block]]
  public private(set) var count: Int

  public init() {
    segments = []
    count = 0
  }

  public init(_ blocks: some Collection<Block>) {
    self.init()
    append(contentsOf: blocks)
  }

  public init(arrayLiteral blocks: Block...) {
    self.init(blocks)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(index: Int) -> Block {
    precondition(index >= 0 && index < count, "block index out of range")
    return segments[index >> Self.segmentShift][index & (Self.segmentSize - 1)]
  }

  /// Adds `more` after the last block; the segments already full are shared, not copied.
  public mutating func append(contentsOf more: some Collection<Block>) {
    var rest = more[...]
    while !rest.isEmpty {
      if segments.isEmpty || segments[segments.count - 1].count == Self.segmentSize { segments.append([]) }
      let last = segments.count - 1
      let taken = rest.prefix(Self.segmentSize - segments[last].count)
      // In place, but for one copy of the last segment while a published copy still holds it.
      segments[last].append(contentsOf: taken)
      count += taken.count
      rest = rest[taken.endIndex...]
    }
  }

  public mutating func append(_ block: Block) {
    append(contentsOf: CollectionOfOne(block))
  }
}
