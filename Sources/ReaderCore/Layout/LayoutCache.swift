import FoundationEssentials

/// Keeps the layouts of one document at the widths and scripts in use, so going back reuses them.
public final class LayoutCache: @unchecked Sendable {
  private struct Key: Hashable {
    var width: Int
    var setting: ConversionCache.Setting
    var codeLines: CodeLineMode
    var ambiguous: AmbiguousWidth
  }

  public let conversions: ConversionCache
  private var layouts: [Key: DocumentLayout] = [:]
  private var order: [Key] = []
  private let lock = Lock()

  public init(conversions: ConversionCache) {
    self.conversions = conversions
  }

  /// The layouts for `conversions`, whose document is this one's grown by appended blocks, each
  /// keeping the blocks it has laid out (see `DocumentLayout.grown`).
  public func grown(with conversions: ConversionCache) -> LayoutCache {
    let next = LayoutCache(conversions: conversions)
    lock.lock()
    defer { lock.unlock() }
    for key in order {
      guard let layout = layouts[key] else { continue }
      let setting = key.setting
      next.layouts[key] = layout.grown(to: conversions.document) { conversions.block($0, setting) }
    }
    next.order = order
    return next
  }

  /// The layout at `width` in `setting`'s script, made on first use; the most recent few are kept.
  /// `ambiguous` tells layouts made under one measure of the ambiguous characters from those made
  /// under the other (a new one is made with `DisplayWidth.ambiguous`, which must be `ambiguous`).
  public func layout(
    width: Int, setting: ConversionCache.Setting = .original, codeLines: CodeLineMode = .wrapped,
    ambiguous: AmbiguousWidth = DisplayWidth.ambiguous
  ) -> DocumentLayout {
    lock.lock()
    defer { lock.unlock() }
    let key = Key(width: width, setting: setting, codeLines: codeLines, ambiguous: ambiguous)
    if let layout = layouts[key] { return layout }
    let conversions = self.conversions
    let layout = DocumentLayout(document: conversions.document, width: width, codeLines: codeLines) {
      conversions.block($0, setting)
    }
    layouts[key] = layout
    order.append(key)
    if order.count > 6 { layouts[order.removeFirst()] = nil }
    return layout
  }
}
