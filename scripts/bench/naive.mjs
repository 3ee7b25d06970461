// The naive page the benchmark compares the site with: TensorFlow.js' UMD bundle (everything, as
// `@tensorflow/tfjs` ships it) loaded by a script tag when Run is clicked, and a custom layer built
// and applied on the main thread, the way most tfjs demos do it.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The same work as the site's measured snippet: a layer with a weight, built and applied. */
const LAYER = `
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  build(inputShape) {
    this.scale = this.addWeight('scale', [inputShape[inputShape.length - 1]], 'float32', tf.initializers.constant({ value: 2 }));
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.scale.read()));
  }
}
tf.serialization.registerClass(Scale);
const y = new Scale({}).apply(tf.tensor2d([[1, 2, 3]]));
out.textContent = y.toString() + ' on ' + tf.getBackend();
`;

/** Writes the naive page into `dir` (index.html and tf.min.js); returns `dir`. */
export function writeNaivePage(dir) {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  copyFileSync(join(require.resolve('@tensorflow/tfjs/package.json'), '../dist/tf.min.js'), join(dir, 'tf.min.js'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Naive tfjs page</title>
<button type="button" id="run">Run</button>
<pre id="out" data-state="idle"></pre>
<script>
document.getElementById('run').addEventListener('click', () => {
  const out = document.getElementById('out');
  out.dataset.state = 'loading';
  const script = document.createElement('script');
  script.src = 'tf.min.js';
  script.onload = async () => {
    await tf.ready();
    ${LAYER}
    out.dataset.state = 'done';
  };
  document.head.append(script);
});
</script>`,
  );
  return dir;
}
