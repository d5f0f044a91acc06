/**
 * Leaflet as the app uses it: import L from here, not from 'leaflet'.
 *
 * Leaflet 1.9 ends a zoom animation with a timer set when the animation starts (250 ms, for
 * browsers that drop 'transitionend'). When the map is removed before it fires, as when someone
 * follows a link while the map still zooms, the timer moves a map whose panes are gone and the
 * page throws "Cannot read properties of undefined (reading '_leaflet_pos')" (Leaflet issue
 * 9575). A removed map has no map pane, so the end of its zoom is skipped.
 */
import L from 'leaflet';

interface ZoomEnding {
  _mapPane?: HTMLElement;
  _onZoomTransitionEnd(this: ZoomEnding): void;
}

const map = L.Map.prototype as unknown as ZoomEnding;
const endZoom = map._onZoomTransitionEnd;
map._onZoomTransitionEnd = function () {
  if (this._mapPane) endZoom.call(this);
};

export default L;
