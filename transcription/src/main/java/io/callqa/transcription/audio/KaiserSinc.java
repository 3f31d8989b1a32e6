package io.callqa.transcription.audio;

/**
 * A windowed-sinc low-pass kernel in units of input samples: the ideal low-pass response times a Kaiser window whose
 * length and shape follow, by Kaiser's formulas, from the stopband attenuation and transition width wanted.
 *
 * @param cutoff the -6 dB frequency, in cycles per input sample
 * @param halfWidth the kernel is zero from this many input samples away
 * @param beta the Kaiser window's shape
 */
record KaiserSinc(double cutoff, int halfWidth, double beta) {

	/**
	 * A low-pass for resampling between the two rates: its stopband starts at the lower rate's Nyquist frequency, so
	 * nothing aliases, and its passband ends {@code guard} (a fraction of that frequency) below.
	 */
	static KaiserSinc lowPass(int inRate, int outRate, double stopbandDb, double guard) {
		double nyquist = Math.min(inRate, outRate) / 2.0 / inRate;
		double transition = nyquist * guard;
		int taps = (int) Math.ceil((stopbandDb - 7.95) / (2.285 * 2 * Math.PI * transition)) + 1;
		return new KaiserSinc(nyquist - transition / 2, (taps + 1) / 2, 0.1102 * (stopbandDb - 8.7));
	}

	/** The kernel at {@code distance} input samples from the output position. */
	double at(double distance) {
		double r = distance / this.halfWidth;
		if (Math.abs(r) >= 1) {
			return 0;
		}
		return 2 * this.cutoff * sinc(2 * this.cutoff * distance) * bessel0(this.beta * Math.sqrt(1 - r * r))
				/ bessel0(this.beta);
	}

	private static double sinc(double x) {
		return (x == 0) ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
	}

	/** The modified Bessel function of the first kind, order 0, by its power series. */
	private static double bessel0(double x) {
		double sum = 1;
		double term = 1;
		for (int k = 1; term > 1e-12 * sum; k++) {
			term *= (x / (2 * k)) * (x / (2 * k));
			sum += term;
		}
		return sum;
	}

}
