/** File drops (local folder, FTP, SFTP) as sources: CSV read as a stream, a result report per file. */
package id.ossgateway.source.file;
