/// Where a line may break: between words, between CJK characters, never against kinsoku rules.
enum LineBreakRules {
  /// Punctuation that must not start a line.
  static let closing: Set<Unicode.Scalar> = Set(
    "，。、；：？！）」』〉》】〕〗〙〛｝］｠…‥·・’”〞〟％．,.;:!?)]}%ー～ヽヾゝゞ々〻ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
      .unicodeScalars)
  /// Punctuation that must not end a line.
  static let opening: Set<Unicode.Scalar> = Set("（「『〈《【〔〖〘〚｛［｟‘“〝([{".unicodeScalars)

  static func isWide(_ cluster: Cluster) -> Bool {
    cluster.width == 2 || (0x2E80...0x9FFF).contains(cluster.first.value)
      || (0xFF00...0xFFEF).contains(cluster.first.value)
  }

  /// Whether a line may begin at `index`.
  static func canBreak(before index: Int, in clusters: [Cluster]) -> Bool {
    let current = clusters[index]
    let previous = clusters[index - 1]
    if current.isSpace { return false }
    if previous.isSpace { return !closing.contains(current.first) }
    if closing.contains(current.first) || opening.contains(previous.first) { return false }
    if isWide(previous) || isWide(current) { return true }
    return previous.first == "-" && current.first.properties.isAlphabetic
  }
}
