import Foundation

/// The document laid out at one width, block by block and only when asked (the visible part).
///
/// Work per keypress is proportional to the screen: moving the anchor or reading the visible
/// lines lays out only the blocks it touches, and each block is laid out once per width.
public final class DocumentLayout: @unchecked Sendable {
  public let document: Document
  public let width: Int
  /// Whether long code lines wrap or are chopped (and how far the body is scrolled).
  public let codeLines: CodeLineMode
  private let blockSource: @Sendable (Int) -> Block
  private var cache: [Int: [LayoutLine]] = [:]
  private let lock = NSLock()

  /// `blocks` gives top-level block `index` as it is shown (converted to a display script).
  public init(
    document: Document, width: Int, codeLines: CodeLineMode = .wrapped,
    blocks: (@Sendable (Int) -> Block)? = nil
  ) {
    self.document = document
    self.width = max(1, width)
    self.codeLines = codeLines
    self.blockSource = blocks ?? { [document] in document.blocks[$0] }
  }

  public var blockCount: Int { document.blocks.count }

  /// Top-level block `index` as this layout shows it (in its script).
  public func block(_ index: Int) -> Block { blockSource(index) }

  /// This layout for `grown`, the same document with blocks appended (a background parse):
  /// the blocks laid out so far are kept, except the old last one, which gains its separator.
  func grown(to grown: Document, blocks: @escaping @Sendable (Int) -> Block) -> DocumentLayout {
    let next = DocumentLayout(document: grown, width: width, codeLines: codeLines, blocks: blocks)
    lock.lock()
    defer { lock.unlock() }
    next.cache = cache
    next.cache[document.blocks.count - 1] = nil
    return next
  }

  /// The lines of top-level block `index`, with the blank line that separates it from the next.
  public func lines(ofBlock index: Int) -> [LayoutLine] {
    lock.lock()
    defer { lock.unlock() }
    if let lines = cache[index] { return lines }
    var lines = BlockLayouter(width: width, codeLines: codeLines).layout(blockSource(index))
    if lines.isEmpty {
      lines = [LayoutLine(spans: [], key: LineKey(leaf: document.blocks[index].id, offset: 0))]
    }
    if index < document.blocks.count - 1 {
      var key = lines[lines.count - 1].key
      key.offset = LineKey.separatorOffset
      lines.append(LayoutLine(spans: [], key: key))
    }
    cache[index] = lines
    return lines
  }

  /// Up to `count` lines starting at `anchor`.
  public func lines(from anchor: Anchor, count: Int) -> [LayoutLine] {
    var result: [LayoutLine] = []
    var block = anchor.block
    var line = anchor.line
    while result.count < count && block < blockCount {
      let blockLines = lines(ofBlock: block)
      while line < blockLines.count && result.count < count {
        result.append(blockLines[line])
        line += 1
      }
      block += 1
      line = 0
    }
    return result
  }

  /// The anchor `delta` lines after (or before, when negative) `anchor`, kept inside the document.
  public func move(_ anchor: Anchor, by delta: Int) -> Anchor {
    guard blockCount > 0 else { return .top }
    var block = min(anchor.block, blockCount - 1)
    var line = min(anchor.line, lines(ofBlock: block).count - 1)
    var remaining = delta
    while remaining > 0 {
      let count = lines(ofBlock: block).count
      if line + remaining < count {
        line += remaining
        remaining = 0
      } else if block + 1 < blockCount {
        remaining -= count - line
        block += 1
        line = 0
      } else {
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
        line = lines(ofBlock: block).count - 1
      } else {
        line = 0
        remaining = 0
      }
    }
    return Anchor(block: block, line: line)
  }

  /// The last anchor worth scrolling to: the one that shows the document's last line at the bottom.
  public func lastAnchor(height: Int) -> Anchor {
    guard blockCount > 0 else { return .top }
    let lastBlock = blockCount - 1
    let end = Anchor(block: lastBlock, line: lines(ofBlock: lastBlock).count - 1)
    return move(end, by: -(max(1, height) - 1))
  }

  /// `anchor` limited to the range from the top to `lastAnchor(height:)`.
  public func clamp(_ anchor: Anchor, height: Int) -> Anchor {
    guard blockCount > 0 else { return .top }
    let last = lastAnchor(height: height)
    if anchor > last { return last }
    let block = max(0, anchor.block)
    return Anchor(block: block, line: max(0, min(anchor.line, lines(ofBlock: block).count - 1)))
  }

  /// Where an outline entry's heading starts.
  public func anchor(of entry: OutlineEntry) -> Anchor {
    let blockLines = lines(ofBlock: entry.topIndex)
    let line = blockLines.firstIndex { $0.key.leaf == entry.blockID } ?? 0
    return Anchor(block: entry.topIndex, line: line)
  }

  /// The width-independent key of the text at `anchor`.
  public func key(at anchor: Anchor) -> LineKey? {
    guard anchor.block < blockCount else { return nil }
    let blockLines = lines(ofBlock: anchor.block)
    return blockLines[min(anchor.line, blockLines.count - 1)].key
  }

  /// The anchor in this layout whose line holds the text that `key` names in block `block`.
  public func anchor(block: Int, key: LineKey) -> Anchor {
    guard block < blockCount else { return .top }
    let blockLines = lines(ofBlock: block)
    let line = blockLines.lastIndex { $0.key <= key } ?? 0
    return Anchor(block: block, line: line)
  }

  /// The anchor of the line that draws cluster `offset` of leaf `leaf` in block `block`, found by
  /// the lines' `textSegments`: the line whose segment holds it, else the last line of the leaf
  /// whose text starts at or before it.
  public func anchor(block: Int, leaf: Int, offset: Int) -> Anchor {
    guard block < blockCount else { return .top }
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
    if anchor >= lastAnchor(height: height) { return 100 }
    // Whole numbers, so that the line `firstAnchor(atPercent:)` finds reads as that percentage.
    let count = lines(ofBlock: anchor.block).count
    return min(99, (anchor.block * count + anchor.line) * 100 / (blockCount * count))
  }

  /// The first anchor that `percent(at:height:)` counts as at least `percent` percent through
  /// the document (before the end comes into view): a block by its share of the blocks, then a
  /// line by its share of the block, as the status line counts.
  public func firstAnchor(atPercent percent: Int) -> Anchor {
    guard blockCount > 0, percent > 0 else { return .top }
    let scaled = min(100, percent) * blockCount
    let block = scaled / 100
    guard block < blockCount else { return lastAnchor(height: 1) }
    let count = lines(ofBlock: block).count
    // The smallest line with (block * count + line) * 100 >= percent * blockCount * count.
    let line = ((scaled - 100 * block) * count + 99) / 100
    if line < count { return Anchor(block: block, line: line) }
    return block + 1 < blockCount ? Anchor(block: block + 1, line: 0) : lastAnchor(height: 1)
  }
}
