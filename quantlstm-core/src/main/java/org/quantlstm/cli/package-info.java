/**
 * The {@code quantlstm} command line (picocli). Commands parse options, call the layers to their left and
 * print; they hold no logic of their own. Errors a user can cause exit with code 2 and one line.
 */
package org.quantlstm.cli;
