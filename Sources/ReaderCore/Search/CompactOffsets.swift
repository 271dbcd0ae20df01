/// Offsets that never decrease, appended one at a time and kept in about a byte each: the step
/// from the one before, with the whole offset of every 16th. The search index maps every
/// character it holds to the start of its normalised form with them: at four bytes each, that
/// map was larger than the normalised copy itself (three bytes a Han character, one a letter).
///
/// A step too large for its byte (a cluster of hundreds of combining marks) is kept whole
/// beside the others. Reading an offset adds at most 15 steps: a count of 300,000 matches reads
/// two offsets for each.
struct CompactOffsets: RandomAccessCollection, Sendable {
  /// Every `stride`th offset whole; the steps of those between count from it.
  private var checkpoints: [UInt32] = []
  /// Each offset's step from the one before it (0 for a checkpoint), or `wideStep`.
  private var steps: [UInt8] = []
  /// The positions whose step is `wideStep`, in order, and their offsets whole.
  private var widePositions: [UInt32] = []
  private var wideOffsets: [UInt32] = []
  /// The offset appended last (0 before any).
  private(set) var lastOffset: UInt32 = 0

  static let stride = 16
  private static let wideStep = UInt8.max

  var startIndex: Int { 0 }
  var endIndex: Int { steps.count }

  /// Appends `offset`, which must not be less than `lastOffset`.
  mutating func append(_ offset: UInt32) {
    precondition(steps.isEmpty || offset >= lastOffset, "offsets must not decrease")
    let position = steps.count
    if position % Self.stride == 0 {
      checkpoints.append(offset)
      steps.append(0)
    } else if offset - lastOffset < UInt32(Self.wideStep) {
      steps.append(UInt8(offset - lastOffset))
    } else {
      steps.append(Self.wideStep)
      widePositions.append(UInt32(position))
      wideOffsets.append(offset)
    }
    lastOffset = offset
  }

  subscript(position: Int) -> UInt32 {
    var sum: UInt32 = 0
    var current = position
    while current % Self.stride != 0 {
      let step = steps[current]
      if step == Self.wideStep { return wideOffset(at: current) + sum }
      sum += UInt32(step)
      current -= 1
    }
    return checkpoints[current / Self.stride] + sum
  }

  /// The offsets at `range`, read one after another (a step each) rather than each on its own.
  func offsets(in range: Range<Int>) -> [UInt32] {
    guard let first = range.first else { return [] }
    var result: [UInt32] = []
    result.reserveCapacity(range.count)
    var value = self[first]
    result.append(value)
    for position in range.dropFirst() {
      value = offset(at: position, after: value)
      result.append(value)
    }
    return result
  }

  /// The last position in `range` whose offset is at most `offset`, or nil when none is: a
  /// binary search of the checkpoints inside it, then at most `stride` steps.
  func lastPosition(atMost offset: UInt32, in range: Range<Int>) -> Int? {
    guard let first = range.first else { return nil }
    var position = first
    var value = self[first]
    guard value <= offset else { return nil }
    let blocks = (first / Self.stride + 1)..<((range.upperBound - 1) / Self.stride + 1)
    if let block = checkpoints[blocks].lastIndex(inPrefixWhere: { $0 <= offset }) {
      position = block * Self.stride
      value = checkpoints[block]
    }
    while position + 1 < range.upperBound {
      let next = self.offset(at: position + 1, after: value)
      if next > offset { break }
      position += 1
      value = next
    }
    return position
  }

  /// The offset at `position`, given the one before it.
  private func offset(at position: Int, after previous: UInt32) -> UInt32 {
    if position % Self.stride == 0 { return checkpoints[position / Self.stride] }
    let step = steps[position]
    return step == Self.wideStep ? wideOffset(at: position) : previous + UInt32(step)
  }

  private func wideOffset(at position: Int) -> UInt32 {
    let found = widePositions.lastIndex(inPrefixWhere: { Int($0) <= position }) ?? 0
    return wideOffsets[found]
  }

  /// The bytes these offsets take, for benchmarks.
  var storageByteCount: Int {
    steps.count + 4 * (checkpoints.count + widePositions.count + wideOffsets.count)
  }
}
