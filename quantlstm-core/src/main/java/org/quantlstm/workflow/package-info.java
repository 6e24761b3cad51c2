/** Typed experiment configs, the pipelines that wire the stages, and run folders. */
package org.quantlstm.workflow;
