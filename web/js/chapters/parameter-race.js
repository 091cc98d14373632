// Chapters 7 and 8: an activation plot whose parameter (Leaky ReLU's slope, PReLU's initial α) is
// the one the dead-start race under it trains with. Changing it in the plot restarts the race, if it
// has started. The chapter's state: the plot's, and the race's bias `rb`.
import { figure, plotFigure } from './common.js';
import { chapterCodec } from './state.js';
import { mountActivationPlot } from '../widgets/activation-plot/index.js';
import { mountDeadStart, DEAD_START_BIAS } from './figures/dead-start.js';

/** parameterRace(activation, race options for mountDeadStart) → {codec, blocks() → {plot, race}}. */
export function parameterRace(activation, raceOptions) {
  return {
    codec: chapterCodec({
      plot: { activation, initial: { point: -2 } },
      fields: { rb: { type: 'number', range: DEAD_START_BIAS, default: -2 } },
    }),
    /** The two figure blocks, linked; a fresh pair for every mount of the chapter. */
    blocks() {
      let race = null;
      return {
        plot: plotFigure(mountActivationPlot, {
          activations: [activation],
          onChange: (plot, previous) => { if (race && plot.parameter !== previous.parameter) race.restartIfStarted(); },
        }),
        race: figure((host, ctx) => {
          race = mountDeadStart(host, ctx, raceOptions);
          return race;
        }),
      };
    },
  };
}
