import FoundationEssentials
import Glibc

/// A `SearchPattern` made ready to run over normalised text (see `SearchNormalizer`).
///
/// The index keeps one case-folded copy of the text. Ignoring case, the folded pattern finds
/// the matches there. Matching case (smart case), it finds the pieces that match ignoring case
/// and runs the exact pattern over those pieces normalised again with case kept, so no second
/// copy of the document is kept for the rare case-sensitive search.
struct SearchMatcher {
  let pattern: SearchPattern
  /// The pattern in the folded form it is compared in.
  let folded: String
  let isCaseSensitive: Bool
  private let foldedNeedle: [UInt8]
  private let exactNeedle: [UInt8]
  private let foldedRegex: Regex<AnyRegexOutput>?
  private let exactRegex: Regex<AnyRegexOutput>?

  /// Nil when there is nothing to look for: a blank pattern or an invalid regular expression.
  init?(_ pattern: SearchPattern, normalizer: SearchNormalizer) {
    self.pattern = pattern
    isCaseSensitive = pattern.isCaseSensitive
    if pattern.isRegex {
      // Regex syntax is ASCII and survives tw2s and the folding of full-width forms; case is
      // left to the regex (lower-casing would turn \S into \s).
      let normalized = normalizer.normalize(query: pattern.text, keepingCase: true)
      guard !normalized.isEmpty, let exact = try? Regex(normalized) else { return nil }
      folded = normalized
      foldedRegex = exact.ignoresCase()
      exactRegex = exact
      foldedNeedle = []
      exactNeedle = []
    } else {
      folded = normalizer.normalize(query: pattern.text)
      guard !folded.isEmpty else { return nil }
      foldedNeedle = Array(folded.utf8)
      exactNeedle =
        isCaseSensitive ? Array(normalizer.normalize(query: pattern.text, keepingCase: true).utf8) : []
      foldedRegex = nil
      exactRegex = nil
    }
  }

  /// The literal needle in folded form, for the index's scan of all its bytes at once; nil for a
  /// regular expression, which runs piece by piece.
  var literalNeedle: [UInt8]? { pattern.isRegex ? nil : foldedNeedle }

  /// The byte ranges of the matches in one piece's normalised bytes, in order, never empty and
  /// never overlapping: with the folded pattern when `exact` is false, else with case kept.
  func ranges(in bytes: ArraySlice<UInt8>, exact: Bool) -> [Range<Int>] {
    let base = bytes.startIndex
    if let regex = exact ? exactRegex : foldedRegex {
      let text = String(decoding: bytes, as: UTF8.self)
      var found: [Range<Int>] = []
      for match in text.matches(of: regex) where !match.range.isEmpty {
        let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
        found.append(base + start..<base + end)
      }
      return found
    }
    let needle = exact ? exactNeedle : foldedNeedle
    guard !needle.isEmpty else { return [] }
    var found: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        var from = 0
        while let start = Self.find(needle, in: haystack, from: from) {
          found.append(base + start..<base + start + needle.count)
          from = start + needle.count
        }
      }
    }
    return found
  }

  /// The next occurrence of `needle` at or after `from`. Both are valid UTF-8 and the needle
  /// starts with a lead byte, so every hit starts on a character.
  static func find(
    _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int
  ) -> Int? {
    guard let base = haystack.baseAddress, let first = needle.first, let needleBase = needle.baseAddress
    else { return nil }
    var index = from
    while index + needle.count <= haystack.count {
      let span = haystack.count - index - needle.count + 1
      guard let hit = memchr(base + index, Int32(first), span) else { return nil }
      let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + start, needleBase, needle.count) == 0 { return start }
      index = start + 1
    }
    return nil
  }
}
