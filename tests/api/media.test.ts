/** Photos kept as files under DATA_DIR/media (the default storage). */
import { describeMediaApi } from '../helpers/media-suite.js';

describeMediaApi('files under DATA_DIR/media', { config: () => ({}) });
