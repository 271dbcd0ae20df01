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

  /// How many bytes make a paragraph measured in the background, and what starts that measure
  /// (a thread, but for tests).
  private let backgroundMeasure: Int?
  private let startBackground: (@escaping @Sendable () -> Void) -> Void

  /// The long paragraphs of the layouts of the text as written of the document read before
  /// this one (a reload) that this one has unchanged, by layout and block: the layouts made
  /// for this one start from them instead of measuring megabytes again to find the place.
  private var inherited: [Key: [Int: ParagraphLines]] = [:]

  /// The layouts of `conversions`' document; `earlier`, the cache of the document it was read
  /// again from (a reload), lends it the long paragraphs both have unchanged.
  public convenience init(conversions: ConversionCache, earlier: LayoutCache? = nil) {
    self.init(conversions: conversions, backgroundMeasure: nil, earlier: earlier)
  }

  init(
    conversions: ConversionCache, backgroundMeasure: Int?,
    startBackground: @escaping (@escaping @Sendable () -> Void) -> Void = BackgroundThread.start,
    earlier: LayoutCache? = nil
  ) {
    self.conversions = conversions
    self.backgroundMeasure = backgroundMeasure ?? earlier?.backgroundMeasure
    self.startBackground = earlier?.startBackground ?? startBackground
    guard let earlier else { return }
    let blocks = conversions.document.blocks
    for (key, layout) in earlier.keptLayouts where key.setting == .original {
      let same = layout.backgroundMeasuredParagraphs.filter { index, lines in
        index < blocks.count && lines.areLines(of: blocks[index])
      }
      if !same.isEmpty { inherited[key] = same }
    }
  }

  private var keptLayouts: [Key: DocumentLayout] { lock.withLock { layouts } }

  /// The layouts for `conversions`, whose document is this one's grown by appended blocks, each
  /// keeping the blocks it has laid out (see `DocumentLayout.grown`).
  public func grown(with conversions: ConversionCache) -> LayoutCache {
    let next = LayoutCache(
      conversions: conversions, backgroundMeasure: backgroundMeasure, startBackground: startBackground)
    lock.lock()
    defer { lock.unlock() }
    next.order = order
    // The layouts of the text as written first: those in a display script stand on them while a
    // long block is converted.
    for key in order.filter({ $0.setting.script == .original })
      + order.filter({ $0.setting.script != .original })
    {
      guard let layout = layouts[key] else { continue }
      let setting = key.setting
      let grown = layout.grown(
        to: conversions.document, blocks: { conversions.block($0, setting) },
        converting: next.converting(for: key))
      grown.measureLongParagraphsInBackground(from: min(layout.longParagraphsWalked, layout.blockCount - 1))
      next.layouts[key] = grown
    }
    return next
  }

  /// The layout at `width` in `setting`'s script, made on first use; the few used last are kept.
  /// `ambiguous` tells layouts made under one measure of the ambiguous characters from those made
  /// under the other (a new one is made with `DisplayWidth.ambiguous`, which must be `ambiguous`).
  public func layout(
    width: Int, setting: ConversionCache.Setting = .original, codeLines: CodeLineMode = .wrapped,
    ambiguous: AmbiguousWidth = DisplayWidth.ambiguous
  ) -> DocumentLayout {
    lock.lock()
    defer { lock.unlock() }
    return layout(for: Key(width: width, setting: setting, codeLines: codeLines, ambiguous: ambiguous))
  }

  /// The layout for `key`, made on first use (holding the lock). The least recently used goes
  /// first when there are too many: a resize holds the body at the width before it
  /// (`ReaderState.heldWidth`), whose layout must outlive a drag through many widths.
  private func layout(for key: Key) -> DocumentLayout {
    if let layout = layouts[key] {
      if order.last != key, let index = order.firstIndex(of: key) {
        order.remove(at: index)
        order.append(key)
      }
      return layout
    }
    let conversions = self.conversions
    let setting = key.setting
    let layout = DocumentLayout(
      document: conversions.document, width: key.width, codeLines: key.codeLines,
      blocks: { conversions.block($0, setting) }, longParagraph: nil, backgroundMeasure: backgroundMeasure,
      converting: converting(for: key), startBackground: startBackground,
      inherited: inherited.removeValue(forKey: key) ?? [:])
    layout.measureLongParagraphsInBackground()
    layouts[key] = layout
    order.append(key)
    if order.count > 6 { layouts[order.removeFirst()] = nil }
    return layout
  }

  /// For a layout in a display script: the conversions and the layout as written at its width,
  /// which a long block being converted is shown from (holding the lock).
  private func converting(for key: Key) -> DocumentLayout.Converting? {
    guard key.setting.script != .original else { return nil }
    var written = key
    written.setting = .original
    return DocumentLayout.Converting(
      conversions: conversions, setting: key.setting, original: layout(for: written))
  }
}
