/**
 * Leaflet as the app uses it: import L from here, not from 'leaflet'.
 *
 * Leaflet 1.9 finishes some moves on timers that outlive `map.remove()`: a zoom animation ends
 * 250 ms after it starts (for browsers that drop 'transitionend'), and a turn of the mouse wheel
 * zooms 40 ms after the last one. When the map is removed meanwhile, as when someone follows a
 * link while the map still zooms, the timer moves a map whose panes are gone and the page throws
 * "Cannot read properties of undefined (reading '_leaflet_pos')" (Leaflet issue 9575). A removed
 * map has no map pane, so those timers now do nothing for it.
 */
import L from 'leaflet';

/** The part of Leaflet's map object that tells a removed map: its pane is deleted on removal. */
interface Removable {
  _mapPane?: HTMLElement;
}

interface MapTimers extends Removable {
  _onZoomTransitionEnd(): void;
}

interface WheelTimers {
  _map: Removable;
  _performZoom(): void;
}

/** Makes a method Leaflet calls from a timer do nothing once the map it works on is removed. */
function skipOnRemovedMap<Self>(prototype: Self, name: keyof Self, mapOf: (self: Self) => Removable): void {
  const original = prototype[name] as (this: Self) => void;
  Object.assign(prototype as object, {
    [name]: function (this: Self) {
      if (mapOf(this)._mapPane) original.call(this);
    },
  });
}

skipOnRemovedMap(L.Map.prototype as unknown as MapTimers, '_onZoomTransitionEnd', (map) => map);
// The wheel handler is on Leaflet's map class at run time, not in its type declarations.
const wheel = (L.Map as unknown as { ScrollWheelZoom: { prototype: WheelTimers } }).ScrollWheelZoom;
skipOnRemovedMap(wheel.prototype, '_performZoom', (handler) => handler._map);

export default L;
