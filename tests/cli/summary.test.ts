import { join } from 'node:path';
import { runCliCapture } from './cli-harness';

const EXAMPLE = join(__dirname, '../../example/library.bib');

const cli = (...argv: string[]) => runCliCapture(argv);

describe('cli summary', () => {
  it('prints papers of the example library as a numbered list in the survey note style', async () => {
    const r = await cli('summary', 'linMultiLayerVisual2025', 'liSViQAUnifiedSpeechVision2025', '--export', EXAMPLE, '--language', 'zh', '--start', '3');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '3. Multi-Layer Visual Feature Fusion in Multimodal LLMs: Methods, Analysis, and Best Practices [https://arxiv.org/abs/2503.06063](https://arxiv.org/abs/2503.06063)\n\n' +
        '   tags：特征融合\n\n' +
        '4. SViQA: A Unified Speech-Vision Multimodal Model for Textless Visual Question Answering [https://arxiv.org/abs/2504.01049](https://arxiv.org/abs/2504.01049)\n\n' +
        '   tags：audio generation\n',
    );
  });

  it('exits 2 naming the citekeys the export does not hold', async () => {
    const r = await cli('summary', 'nope', 'linMultiLayerVisual2025', 'nada', '--export', EXAMPLE);
    expect(r).toEqual({ code: 2, out: '', err: 'error: not in the export: nope, nada\n' });
  });
});
