/// The caches of a document that replaces the one shown (a reload): its conversions and layouts,
/// the layouts taking over the measured lines of the long paragraphs that did not change.
///
/// A reload while the place is deep in a long paragraph whose text changed would find the place
/// by measuring that paragraph as far as it on the key path (about 1.4 s at the end of a 50 MB
/// line). So the run loop makes these before it shows the file read again, keeps the text read
/// before on screen until `findsPlace` says the new layout has got there, then `Action.reloaded`
/// takes them; a document replaced without them gets its own made the same way.
public final class ReloadPreparation: @unchecked Sendable {
  public let document: Document
  let conversions: ConversionCache
  let layouts: LayoutCache

  /// Starts laying out `document` for `state`, taking over the lines `state` has measured of
  /// the long paragraphs that did not change.
  public init(of document: Document, for state: ReaderState) {
    self.document = document
    conversions = ConversionCache(document: document, converter: state.converter)
    layouts = LayoutCache(conversions: conversions, earlier: state.layouts)
  }

  /// Whether the place `state` shows is found in the document read again without measuring, on
  /// this thread, a long paragraph that the background measure has not got through that far.
  public func findsPlace(of state: ReaderState) -> Bool {
    guard let key = state.pinnedKey ?? state.bodyLayout.key(at: state.anchor) else { return true }
    // A layout in a display script shows a long paragraph from the layout as written meanwhile.
    let layout = layouts.layout(
      width: max(1, state.geometry(showing: document).body.width), codeLines: state.codeLines,
      ambiguous: state.ambiguousWidth)
    return layout.findsWithoutMeasuring(block: state.anchor.block, key: key)
  }
}
