/**
 * Feature scalers fitted on the training rows only and applied to every row: min-max to [0, 1] and
 * standardisation (z-score). Their parameters are plain records serialised to JSON with Jackson, so a model
 * directory stores the exact scaling used in training and inverse-transforms its forecasts with it.
 */
package org.quantlstm.features.scale;
