/**
 * File drops (local folder, FTP, SFTP) as sources: CSV, JSON and XML read as streams, each file processed once
 * by name, size and SHA-256 (remembered in the state database), a result report per file.
 */
package id.ossgateway.source.file;
